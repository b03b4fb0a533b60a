package org.clearframe.exchange;

import org.clearframe.model.AiUse;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The producer's seal on a package, and what the head's reply takes from a package: computed, never copied. */
class PackageSealTest {

    @TempDir Path dir;

    private ProductionData data() {
        Department vfx = Department.defaults().stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();
        Scene scene = new Scene(UUID.randomUUID(), "12A", IntExt.EXT, "Tower block", "NIGHT", "", 11, "", List.of(), false);
        Shot shot = new Shot(UUID.randomUUID(), scene.id(), "1", "Tower falls — «é»", ShotSize.WIDE, "", "", "", 4.5, List.of(vfx.id()), "",
                List.of(new AiUse(UUID.randomUUID(), Technique.GENERATIVE_VFX, "Collapse", "VendorX", Output.FINAL, List.of(), List.of(vfx.id()),
                        Set.of(), Tristate.NO, Set.of(), "")));
        return new ProductionData(Production.titled("Tidewater"), Department.defaults(), List.of(), List.of(scene), List.of(shot), List.of(), "");
    }

    @Test
    void aSealedPackageWithFractionalNumbersReadsBackVerifiedWhateverItsLayout() throws Exception {
        ProductionData data = data();
        SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX")).sealedWith(new KeyRing(dir.resolve("p")).keyPair());
        Path file = dir.resolve("vfx.cfshare");
        pkg.write(file);
        SharePackage read = SharePackage.read(file);
        assertTrue(read.sealed());
        assertEquals(4.5, read.shots().get(0).durationSeconds());
        // Compact layout, and 4.5 written as 4.50: the same canonical content, so still verified.
        String compact = JsonFiles.MAPPER.writer().withoutFeatures(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(JsonFiles.MAPPER.readTree(file.toFile())).replace("4.5", "4.50");
        Files.writeString(file, compact);
        assertTrue(SharePackage.read(file).sealed());
        Files.writeString(file, compact.replace("4.50", "4.6"));
        assertEquals(ExchangeException.Problem.BAD_SIGNATURE, assertThrows(ExchangeException.class, () -> SharePackage.read(file)).problem());
    }

    @Test
    void theReplyFingerprintIsComputedFromTheShotShownNotCopiedFromTheFingerprintField() throws Exception {
        ProductionData data = data();
        SharePackage real = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX"));
        Map<UUID, String> lies = new HashMap<>();
        real.shots().forEach(s -> lies.put(s.id(), "f".repeat(64)));
        SharePackage lying = new SharePackage(real.schemaVersion(), real.appVersion(), real.id(), real.createdAt(), real.production(), real.audience(),
                real.policyName(), real.policyVersion(), real.departments(), real.cast(), real.scenes(), real.shots(), lies, real.rules(), real.flags(), null);
        Reply reply = lying.sign("Dana Reyes", List.of(new SharePackage.Answer(lying.slots().get(0), Decision.APPROVED, "")),
                new KeyRing(dir.resolve("d")).keyPair());
        assertEquals(Fingerprint.of(real.shots().get(0)), reply.decisions().get(0).fingerprint());
    }

    @Test
    void aSealFromAnotherKeyOrWithAnotherAudienceDoesNotVerify() throws Exception {
        ProductionData data = data();
        SharePackage pkg = SharePackageBuilder.build(data, SharePackageBuilder.forDepartment(data, "VFX")).sealedWith(new KeyRing(dir.resolve("p")).keyPair());
        PackageSeal seal = pkg.seal();
        PackageSeal otherKey = new PackageSeal(seal.packageId(), seal.productionId(), seal.audience(), seal.contentDigest(),
                KeyRing.encode(new KeyRing(dir.resolve("m")).publicKey()), seal.signature());
        assertEquals(ExchangeException.Problem.BAD_SIGNATURE, assertThrows(ExchangeException.class, () -> otherKey.verifySignature("x")).problem());
        com.fasterxml.jackson.databind.node.ObjectNode audience = seal.audience().deepCopy();
        audience.put("department", "Legal");
        PackageSeal relabelled = new PackageSeal(seal.packageId(), seal.productionId(), audience, seal.contentDigest(), seal.producerKey(),
                seal.signature());
        assertEquals(ExchangeException.Problem.BAD_SIGNATURE, assertThrows(ExchangeException.class, () -> relabelled.verifySignature("x")).problem());
        seal.verifySignature("x");
    }
}
