package org.clearframe.rules;

import org.clearframe.model.Department;
import org.clearframe.model.Genre;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Which department signs for which role, including names built to pass for another department. */
class SigningDepartmentsTest {

    /** Look-alikes of real departments: each differs from the real name in what it is, not in how it reads. */
    private static final List<String[]> LOOK_ALIKES = List.of(
            new String[]{"VFX", "VF\u0425"},            // Cyrillic capital Ha
            new String[]{"Cast", "\u0421ast"},          // Cyrillic capital Es
            new String[]{"Legal", "Lega1"},             // digit one for l
            new String[]{"Sound", "S0und"},             // digit zero for o
            new String[]{"Casting", "C\u0430sting"},    // Cyrillic small a
            new String[]{"Direction", "Dir\u0435ction"}); // Cyrillic small ie

    @Test
    void eachRoleIsSignedInItsHoldersDepartmentAndOnlyThere() {
        for (Role role : Role.values()) {
            assertTrue(SigningDepartments.signsFor(role.department(), role), role.name());
            assertTrue(SigningDepartments.rolesOf(role.department()).contains(role), role.name());
            for (Role other : Role.values()) {
                if (!Names.same(other.department(), role.department())) assertFalse(SigningDepartments.signsFor(other.department(), role));
            }
        }
        assertEquals(List.of(Role.VFX_SUPERVISOR), SigningDepartments.rolesOf("VFX"));
        assertEquals(List.of(Role.PERFORMER, Role.RIGHTS_HOLDER), SigningDepartments.rolesOf("Cast"));
        assertEquals(List.of(Role.UNION_NOTICE, Role.STUDIO_AI_CONTACT, Role.DISTRIBUTOR), SigningDepartments.rolesOf("Production"));
    }

    @Test
    void spellingsAReaderCannotTellApartAreTheSameDepartment() {
        for (String same : List.of("vfx", " VFX ", "VF\u200BX", "VFX\u00A0", "\uFF36\uFF26\uFF38" /* full-width */)) {
            assertEquals(List.of(Role.VFX_SUPERVISOR), SigningDepartments.rolesOf(same), same);
        }
    }

    @Test
    void aLookAlikeDepartmentSignsForNothing() {
        for (String[] pair : LOOK_ALIKES) {
            assertTrue(Names.lookAlike(pair[0], pair[1]), "the test pair really looks alike: " + pair[1]);
            assertFalse(SigningDepartments.rolesOf(pair[0]).isEmpty(), pair[0]);
            assertEquals(List.of(), SigningDepartments.rolesOf(pair[1]), pair[1]);
            for (Role r : Role.values()) assertFalse(SigningDepartments.signsFor(pair[1], r), pair[1] + " signs for " + r);
        }
    }

    @Test
    void emptyAndInvisibleNamesSignForNothing() {
        for (String blank : new String[]{null, "", "   ", "\u200B", "\u00A0\u2060"}) {
            assertEquals(List.of(), SigningDepartments.rolesOf(blank));
            assertEquals(List.of(), SigningDepartments.find(Fixture.production(Genre.FICTION), blank));
        }
    }

    @Test
    void aLookAlikeDepartmentRowIsNeverTakenForTheRealOne() {
        List<Department> departments = new ArrayList<>(Department.defaults());
        Department fake = Department.named("VF\u0425", "#000000");
        Department twin = Department.named("vfx\u200B", "#000000"); // the same name as "VFX" to a reader
        departments.add(fake);
        departments.add(twin);
        ProductionData base = Fixture.production(Genre.FICTION);
        ProductionData data = new ProductionData(base.production(), departments, base.cast(), base.scenes(), base.shots(), base.signOffs(), "");
        Department vfx = departments.stream().filter(d -> d.name().equals("VFX")).findFirst().orElseThrow();

        assertEquals(Set.of(vfx.id(), twin.id()), SigningDepartments.departmentIds(data, "VFX"));
        assertEquals(Set.of(fake.id()), SigningDepartments.departmentIds(data, "VF\u0425"));
        assertEquals(List.of("VFX"), SigningDepartments.find(data, "vfx"), "the exact name wins, spelt as the production spells it");
        assertEquals(List.of("VF\u0425"), SigningDepartments.find(data, "vf\u0445"));
        assertTrue(SigningDepartments.names(data).contains("VF\u0425"), "listed, so the producer sees it is another department");
        assertEquals(1, SigningDepartments.names(data).stream().filter(n -> Names.same(n, "VFX")).count(), "listed once");
        assertFalse(SigningDepartments.signing(data).contains("VF\u0425"), "nobody signs in it, so no package goes to it");
        assertTrue(SigningDepartments.signing(data).contains("VFX"));
        assertFalse(SigningDepartments.signing(data).contains("Camera"), "no role is held in Camera");
    }

    @Test
    void aPartOfANameFindsItOnlyWhenItIsUnique() {
        ProductionData data = Fixture.production(Genre.FICTION);
        assertEquals(List.of("Costume / Wardrobe"), SigningDepartments.find(data, "costume"));
        assertTrue(SigningDepartments.find(data, "a").size() > 1, "ambiguous");
        assertEquals(List.of(), SigningDepartments.find(data, "c\u043Estume"), "a look-alike letter matches no part either");
        assertEquals(List.of(), SigningDepartments.find(data, "Catering"));
    }
}
