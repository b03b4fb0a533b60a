package org.clearframe.store;

import org.clearframe.bench.FeatureProduction;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.store.ProofRepository.Evidence;
import org.clearframe.store.ProofRepository.StoredProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** A production read a page of scenes at a time gives, page after page, exactly what reading it whole gives. */
class ScenePagesTest {

    @TempDir Path dir;

    @Test
    void pagesPutTogetherAreTheWholeProductionInItsOrder() throws Exception {
        ProductionData generated = FeatureProduction.generate(300, 7);
        Path file = dir.resolve("feature.clearframe");
        ProductionStore.createFrom(file, generated);
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            ProductionData whole = store.load();
            assertTrue(whole.scenes().size() > 20 && !whole.signOffs().isEmpty(), "the production spans many pages and has sign-offs");
            ProductionData facts = store.facts();
            assertEquals(whole.production(), facts.production());
            assertEquals(whole.departments(), facts.departments());
            assertEquals(whole.cast(), facts.cast());
            assertEquals(whole.policyJson(), facts.policyJson());
            assertTrue(facts.scenes().isEmpty() && facts.shots().isEmpty() && facts.signOffs().isEmpty(), "facts hold no plan and no sign-off");
            assertEquals(whole.scenes().size(), store.sceneCount());

            for (int size : new int[]{1, 7, 64, 10_000}) {
                List<Scene> scenes = new ArrayList<>();
                List<Shot> shots = new ArrayList<>();
                Set<SignOff> signOffs = new HashSet<>();
                for (int first = 0; ; first += size) {
                    ProductionStore.ScenePage page = store.scenePage(first, size);
                    if (page.scenes().isEmpty()) break;
                    assertTrue(page.scenes().size() <= size);
                    Set<UUID> ids = new HashSet<>();
                    page.scenes().forEach(s -> ids.add(s.id()));
                    for (Shot s : page.shots()) assertTrue(ids.contains(s.sceneId()), "a page holds only its scenes' shots");
                    Set<UUID> shotIds = new HashSet<>();
                    page.shots().forEach(s -> shotIds.add(s.id()));
                    for (SignOff s : page.signOffs()) assertTrue(shotIds.contains(s.shotId()), "and only their sign-offs");
                    scenes.addAll(page.scenes());
                    shots.addAll(page.shots());
                    signOffs.addAll(page.signOffs());
                }
                assertEquals(whole.scenes(), scenes, "pages of " + size);
                assertEquals(whole.shots(), shots, "pages of " + size);
                assertEquals(new HashSet<>(whole.signOffs()), signOffs, "pages of " + size);
            }
            assertThrows(IllegalArgumentException.class, () -> store.scenePage(-1, 5));
            assertThrows(IllegalArgumentException.class, () -> store.scenePage(0, 0));
        }
    }

    @Test
    void theEvidenceForSomeSignOffsIsExactlyTheirsFromAllTheEvidence() throws Exception {
        ProductionData generated = FeatureProduction.generate(700, 3);
        Path file = dir.resolve("proofs.clearframe");
        ProductionStore.createFrom(file, generated.withSignOffs(List.of()));
        List<SignOff> signOffs = generated.signOffs();
        List<StoredProof> proofs = new ArrayList<>();
        Set<UUID> before = new HashSet<>();
        for (int i = 0; i < signOffs.size(); i++) {
            SignOff s = signOffs.get(i);
            if (i % 5 == 0) before.add(s.id());
            else proofs.add(new StoredProof(UUID.randomUUID(), s.id(), "ATTESTED", null, "", "key" + i, "fp", "sig" + i, Instant.now()));
        }
        try (ProductionStore store = ProductionStore.open(file)) {
            store.proofs().record(List.of(), signOffs, proofs, before);
        }
        try (ProductionStore store = ProductionStore.openReadOnly(file)) {
            Evidence all = store.proofs().evidence();
            assertEquals(Evidence.NONE, store.proofs().evidenceFor(List.of()));
            // more ids than one statement binds: two in three of them
            List<UUID> wanted = new ArrayList<>();
            for (int i = 0; i < signOffs.size(); i++) if (i % 3 != 0) wanted.add(signOffs.get(i).id());
            wanted.add(UUID.randomUUID()); // no such sign-off: nothing for it
            Evidence some = store.proofs().evidenceFor(wanted);
            Set<UUID> w = new HashSet<>(wanted);
            assertEquals(all.proofs().stream().filter(p -> w.contains(p.signOffId())).toList(), some.proofs());
            assertEquals(all.beforeProofs().stream().filter(w::contains).collect(java.util.stream.Collectors.toSet()), some.beforeProofs());
            assertTrue(some.replies().isEmpty());
            assertTrue(wanted.size() > 500, "the ids are bound in several statements: " + wanted.size());
        }
    }
}
