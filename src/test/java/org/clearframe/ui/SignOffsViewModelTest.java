package org.clearframe.ui;

import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.rules.FlagIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** Who has to sign what, grouped two ways, on a real production file, without a window. */
class SignOffsViewModelTest {

    @TempDir Path dir;

    @Test
    void everyOpenSignatureIsListedOnceUnderItsDepartmentOrItsRole() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("signoffs.clearframe"))) {
            p.department("VFX");
            Scene cannery = p.scene("3", "CANNERY");
            Shot collapse = p.withGenerativeVfx(p.shot(cannery, "5", "The roof gives way"));
            p.shot(cannery, "6", "Nothing planned");
            SignOffsViewModel model = new SignOffsViewModel(p.session);

            long required = p.session.flags(collapse.id()).stream().mapToLong(f -> f.signatures().size()).sum();
            assertTrue(required > 0, "precondition: the use needs signatures");
            List<SignOffsViewModel.Row> byDepartment = model.groups().values().stream().flatMap(List::stream).toList();
            assertEquals(required, byDepartment.size(), "each open signature once, none for the shot without AI");
            assertTrue(byDepartment.stream().allMatch(r -> r.shot().id().equals(collapse.id()) && r.scene().number().equals("3")));
            var departments = p.session.departments().stream().map(org.clearframe.model.Department::name).toList();
            for (SignOffsViewModel.Row r : byDepartment) {
                String department = r.signature().role().department();
                assertEquals(departments.contains(department) || department.equals("Cast") ? department
                        : department + " (no such department here)", r.group());
            }
            assertTrue(byDepartment.stream().anyMatch(r -> r.group().equals("VFX")), "the VFX head signs for generative VFX");

            AtomicInteger rebuilt = new AtomicInteger();
            model.addListener(o -> rebuilt.incrementAndGet());
            model.groupingProperty().set(SignOffsViewModel.Grouping.BY_ROLE);
            assertEquals(1, rebuilt.get(), "the page rebuilds once the grouping changes");
            for (var group : model.groups().entrySet()) {
                for (var row : group.getValue()) assertEquals(row.signature().role().label(), group.getKey());
            }

            FlagIndex.Summary s = p.session.flagSummaryProperty().get();
            assertEquals(s.openBlocking() + " blocking and " + s.openAdvisory() + " advisory flags open · 0 stale · 0 declined", model.summary());
            assertTrue(s.openBlocking() + s.openAdvisory() > 0);
        }
    }

    @Test
    void aChangedPlanRebuildsTheList() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("changes.clearframe"))) {
            Shot shot = p.shot(p.scene("1", "CANNERY"), "1", "Wide");
            SignOffsViewModel model = new SignOffsViewModel(p.session);
            assertTrue(model.groups().isEmpty());
            AtomicInteger rebuilt = new AtomicInteger();
            model.addListener(o -> rebuilt.incrementAndGet());
            p.withGenerativeVfx(shot);
            assertTrue(rebuilt.get() >= 1);
            assertFalse(model.groups().isEmpty());
        }
    }
}
