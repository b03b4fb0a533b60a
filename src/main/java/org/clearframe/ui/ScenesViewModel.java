package org.clearframe.ui;

import org.clearframe.model.CastMember;
import org.clearframe.model.Scene;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Scenes page without its nodes: what each row says beyond the scene itself (its cast, its shot count), where a
 * new scene goes and what it is numbered, and the commands with their questions. Tested without a window.
 */
public final class ScenesViewModel {

    private final Session session;
    private final DialogService dialogs;

    public ScenesViewModel(Session session, DialogService dialogs) {
        this.session = session;
        this.dialogs = dialogs;
    }

    /** The characters of the scene's cast, in the scene's order; cast members without a character are left out. */
    public String castNames(Scene scene) {
        Map<UUID, CastMember> cast = session.cast().stream().collect(Collectors.toMap(CastMember::id, Function.identity(), (a, b) -> a));
        return scene.castIds().stream().map(cast::get).filter(Objects::nonNull).map(CastMember::character)
                .filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
    }

    public int shotCount(Scene scene) {
        return session.shotCountOfScene(scene.id()); // kept by the session, not counted per cell
    }

    /** A new scene goes after the selected one ({@code selectedIndex} -1 for none: at the end). */
    public int insertionIndex(int selectedIndex) {
        return selectedIndex < 0 ? session.scenes().size() : selectedIndex + 1;
    }

    public String suggestedNumber() {
        return Integer.toString(session.scenes().size() + 1);
    }

    public boolean add(Scene scene, int index) {
        return dialogs.attempt("Could not add the scene", () -> session.addScene(scene, index));
    }

    public boolean save(Scene edited) {
        return dialogs.attempt("Could not save the scene", () -> session.saveScene(edited));
    }

    /** Asks first, saying how many shots go with the scene; true when it was deleted. */
    public boolean delete(Scene scene) {
        int shots = shotCount(scene);
        String detail = shots == 0 ? "The scene has no shots." : "Its " + shots + (shots == 1 ? " shot" : " shots")
                + ", their AI uses and sign-offs will be deleted too. You can undo this with Edit > Undo.";
        if (!dialogs.confirm("Delete scene " + scene.number() + "?", detail, "Delete Scene")) return false;
        return dialogs.attempt("Could not delete the scene", () -> session.deleteScene(scene));
    }

    /** Moves the scene {@code delta} places in script order; true when it moved. */
    /** Puts {@code scene} where {@code onto} stands (a drag in the Scenes page); true when it moved. */
    public boolean moveTo(Scene scene, Scene onto) {
        int to = session.scenes().indexOf(onto);
        if (to < 0 || scene.equals(onto)) return false;
        return dialogs.attempt("Could not move the scene", () -> session.moveScene(scene, to));
    }

    public boolean move(Scene scene, int delta) {
        int to = session.scenes().indexOf(scene) + delta;
        if (to < 0 || to >= session.scenes().size()) return false;
        return dialogs.attempt("Could not move the scene", () -> session.moveScene(scene, to));
    }
}
