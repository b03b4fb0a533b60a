package org.clearframe.ui;

import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a drag in Scenes and Shots does, on a real file: one move, one undo step; a shot never leaves its scene. */
class DragReorderTest {

    @TempDir Path dir;

    @Test
    void droppingASceneOnAnotherPutsItThereAndOneUndoPutsItBack() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("scenes.clearframe"))) {
            Scene one = p.scene("1", "CANNERY");
            p.scene("2", "HARBOUR");
            Scene three = p.scene("3", "PIER");
            ScenesViewModel model = new ScenesViewModel(p.session, new ScriptedDialogs());
            assertTrue(model.moveTo(three, one));
            assertEquals(List.of("3", "1", "2"), p.onDisk().scenes().stream().map(Scene::number).toList());
            p.session.undo();
            assertEquals(List.of("1", "2", "3"), p.onDisk().scenes().stream().map(Scene::number).toList());
        }
    }

    @Test
    void aShotMovesWithinItsSceneOnly() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("shots.clearframe"))) {
            Scene cannery = p.scene("1", "CANNERY");
            Scene harbour = p.scene("2", "HARBOUR");
            Shot a = p.shot(cannery, "1", "Wide");
            p.shot(cannery, "2", "Close");
            Shot c = p.shot(cannery, "3", "Insert");
            Shot boats = p.shot(harbour, "1", "Boats");
            ShotsViewModel model = new ShotsViewModel(p.session, new ScriptedDialogs());
            assertFalse(model.canMoveTo(c, boats));
            assertFalse(model.moveTo(c, boats), "not into another scene");
            assertTrue(model.moveTo(c, a));
            assertEquals(List.of("3", "1", "2", "1"), p.onDisk().shots().stream().map(Shot::number).toList());
            assertEquals("Move shot 3", p.session.undoNameProperty().get());
        }
    }
}
