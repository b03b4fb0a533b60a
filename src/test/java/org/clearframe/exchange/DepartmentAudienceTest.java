package org.clearframe.exchange;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Output;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.rules.Fingerprint;
import org.clearframe.tools.SampleProduction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;
import static org.junit.jupiter.api.Assertions.*;

/** A department named to pass for another one gets none of its roles, its shots or its say in a reply. */
class DepartmentAudienceTest {

    /** "VFX" with a Cyrillic capital Ha: reads as VFX, is not VFX. */
    private static final String FAKE_VFX = "VF\u0425";

    @TempDir Path dir;

    /** The sample, plus a look-alike VFX department and a shot with AI use that only it is concerned with. */
    private static Fixture production() {
        ProductionData sample = SampleProduction.build();
        Department fake = Department.named(FAKE_VFX, "#000000");
        List<Department> departments = new ArrayList<>(sample.departments());
        departments.add(fake);
        AiUse use = new AiUse(UUID.randomUUID(), Technique.SET_CONCEPT, "Mood board", "SkyGen", Output.TEMPORARY, List.of(),
                List.of(fake.id()), null, null, null, "", null);
        Shot shot = new Shot(UUID.randomUUID(), sample.scenes().get(0).id(), "99", "Only the look-alike cares", null, "", "", "", 2,
                List.of(fake.id()), "", List.of(use));
        List<Shot> shots = new ArrayList<>(sample.shots());
        shots.add(shot);
        ProductionData data = new ProductionData(sample.production(), departments, sample.cast(), sample.scenes(), shots,
                sample.signOffs(), sample.policyJson(), sample.scans(), sample.consents());
        return new Fixture(data, shot);
    }

    private record Fixture(ProductionData data, Shot fakeShot) {}

    @Test
    void aLookAlikeDepartmentHasNothingToSign() {
        ProductionData data = production().data();
        ExchangeException e = assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, FAKE_VFX));
        assertEquals(Problem.INVALID, e.problem());
        assertTrue(e.getMessage().contains("No sign-off role belongs"), e.getMessage());
        ExchangeException lower = assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, "vf\u0445"));
        assertTrue(lower.getMessage().contains("No sign-off role belongs"), lower.getMessage());
    }

    @Test
    void theRealDepartmentIsFoundHoweverItIsSpeltButNotByAnEmptyName() throws Exception {
        ProductionData data = production().data();
        for (String spelling : List.of("VFX", "vfx", " VFX\u00A0", "V\u200BFX")) {
            SharePackage.Audience audience = SharePackageBuilder.forDepartment(data, spelling);
            assertEquals("VFX", audience.department(), spelling);
            assertEquals(List.of(Role.VFX_SUPERVISOR), audience.roles(), spelling);
        }
        for (String empty : List.of("", "  ", "\u200B", "\u2060\u00A0")) {
            ExchangeException e = assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, empty));
            assertTrue(e.getMessage().contains("Name the department"), e.getMessage());
        }
        ExchangeException ambiguous = assertThrows(ExchangeException.class, () -> SharePackageBuilder.forDepartment(data, "ti"));
        assertTrue(ambiguous.getMessage().contains("could be any of"), ambiguous.getMessage());
    }

    @Test
    void theRealDepartmentsPackageLeavesOutTheLookAlikesShots() throws Exception {
        Fixture f = production();
        SharePackage vfx = SharePackageBuilder.build(f.data(), SharePackageBuilder.forDepartment(f.data(), "VFX"));
        assertTrue(vfx.shot(f.fakeShot().id()).isEmpty(), "a shot only the look-alike department works on is not VFX's");
        assertFalse(vfx.shots().isEmpty());
    }

    @Test
    void aReplyFromALookAlikeDepartmentCannotSignForTheRealOnesRole() throws Exception {
        Fixture f = production();
        ProductionData data = f.data();
        Shot shot = data.shots().get(0);
        var keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Reply.Entry entry = new Reply.Entry(shot.id(), "VFX-GEN-FINAL", Role.VFX_SUPERVISOR, null, Decision.APPROVED, "", Instant.now(),
                Fingerprint.of(shot), "");
        Reply forged = Reply.sign(UUID.randomUUID(), data.production().id(), data.production().title(),
                new Reply.Signer("Priya Raman", FAKE_VFX, List.of(Role.VFX_SUPERVISOR)), List.of(entry), keys);
        ExchangeException e = assertThrows(ExchangeException.class,
                () -> new ReplyImport(new TrustStore(dir)).preview(data, forged));
        assertEquals(Problem.INVALID, e.problem());
        assertTrue(e.getMessage().contains("claims to sign as VFX supervisor"), e.getMessage());
    }
}
