package org.clearframe.ui;

import org.clearframe.exchange.SignedRecord;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.BuiltInPolicies;
import org.clearframe.store.ProductionStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A real production file opened as the window opens one (store, signed record, session), for view-model tests
 * without a window. Everything is added through the session, so it is in the file as a producer would leave it.
 */
final class OpenProduction implements AutoCloseable {

    final Path file;
    final ProductionStore store;
    final Session session;

    OpenProduction(Path file) throws Exception {
        this.file = file;
        ProductionStore created = ProductionStore.create(file, Production.titled("Harbour Test"));
        created.setPolicy(BuiltInPolicies.SOURCE, BuiltInPolicies.latest().json());
        created.close();
        this.store = ProductionStore.open(file);
        this.session = new Session(store, SignedRecord.load(store));
    }

    Scene scene(String number, String set) throws Exception {
        Scene scene = Scene.numbered(number, IntExt.INT, set, "NIGHT");
        session.addScene(scene, session.scenes().size());
        return scene;
    }

    Shot shot(Scene scene, String number, String description) throws Exception {
        Shot shot = Shot.numbered(scene.id(), number, description);
        session.addShot(shot, session.shotsOf(scene.id()).size());
        return shot;
    }

    Department department(String name) throws Exception {
        Department d = Department.named(name, "#3366cc");
        session.saveDepartment(d);
        return d;
    }

    CastMember castMember(String performer, String character) throws Exception {
        CastMember m = CastMember.of(performer, character, Tristate.YES);
        session.saveCastMember(m);
        return m;
    }

    /** The shot with a final generative-VFX use, which the built-in policy flags for sign-off. */
    Shot withGenerativeVfx(Shot shot) throws Exception {
        return withUse(shot, AiUse.of(Technique.GENERATIVE_VFX, "The cannery collapses", "SimVendor", Output.FINAL));
    }

    /** The shot with a digital double of {@code performer} in the final cut, which needs their consent. */
    Shot withDigitalDouble(Shot shot, CastMember performer) throws Exception {
        return withUse(shot, new AiUse(UUID.randomUUID(), Technique.DIGITAL_REPLICA, "Stunt double for the fall", "ReplicaCo", Output.FINAL,
                List.of(performer.id()), List.of(), Set.of(), Tristate.UNKNOWN, Set.of(), ""));
    }

    private Shot withUse(Shot shot, AiUse use) throws Exception {
        Shot now = current(shot);
        Shot edited = now.withAiUses(concat(now.aiUses(), use));
        session.saveShot(edited);
        return edited;
    }

    Shot current(Shot shot) {
        return session.shots().stream().filter(s -> s.id().equals(shot.id())).findFirst().orElseThrow();
    }

    /** What the file holds now, read the way the command line reads it: a separate read-only copy. */
    ProductionData onDisk() throws Exception {
        try (ProductionStore reader = ProductionStore.openReadOnly(file)) {
            return SignedRecord.load(reader).data();
        }
    }

    private static <T> List<T> concat(List<T> list, T more) {
        List<T> all = new java.util.ArrayList<>(list);
        all.add(more);
        return all;
    }

    @Override
    public void close() {
        session.close();
    }
}
