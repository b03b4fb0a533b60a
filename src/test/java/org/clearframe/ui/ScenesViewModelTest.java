package org.clearframe.ui;

import org.clearframe.model.CastMember;
import org.clearframe.model.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The Scenes page's rows and commands, on a real production file, without a window. */
class ScenesViewModelTest {

    @TempDir Path dir;

    @Test
    void aRowNamesItsCharactersAndCountsItsShots() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("rows.clearframe"))) {
            CastMember ada = p.castMember("Ada Byrne", "MARTA");
            CastMember noName = p.castMember("Tom Hale", "");
            CastMember leo = p.castMember("Leo Park", "ISAK");
            Scene scene = p.scene("1", "CANNERY");
            Scene withCast = new Scene(scene.id(), scene.number(), scene.intExt(), scene.set(), scene.timeOfDay(), scene.synopsis(),
                    scene.eighths(), scene.storyDay(), List.of(leo.id(), noName.id(), ada.id()), scene.omitted());
            p.session.saveScene(withCast);
            p.shot(withCast, "1", "Wide");
            p.shot(withCast, "2", "Close");
            ScenesViewModel model = new ScenesViewModel(p.session, new ScriptedDialogs());

            assertEquals("ISAK, MARTA", model.castNames(p.session.scenes().get(0)), "in the scene's order, without a blank character");
            assertEquals(2, model.shotCount(withCast));
            assertEquals("2", model.suggestedNumber());
            assertEquals(1, model.insertionIndex(-1), "nothing selected: at the end");
            assertEquals(1, model.insertionIndex(0), "after the selected scene");
        }
    }

    @Test
    void deletingSaysWhatGoesWithTheScene_andMovingKeepsTheNewOrderInTheFile() throws Exception {
        try (OpenProduction p = new OpenProduction(dir.resolve("delete.clearframe"))) {
            Scene one = p.scene("1", "CANNERY");
            Scene two = p.scene("2", "HARBOUR");
            p.shot(one, "1", "Wide");
            p.shot(one, "2", "Close");
            ScriptedDialogs dialogs = new ScriptedDialogs().answer(false);
            ScenesViewModel model = new ScenesViewModel(p.session, dialogs);

            assertFalse(model.delete(one));
            assertEquals(List.of("confirm: Delete scene 1?"), dialogs.shown);
            assertEquals(2, p.onDisk().scenes().size());

            assertTrue(model.move(two, -1));
            assertEquals(List.of("2", "1"), p.onDisk().scenes().stream().map(Scene::number).toList());
            assertFalse(model.move(p.session.scenes().get(0), -1), "the first scene cannot move up");
            assertEquals(List.of("2", "1"), p.onDisk().scenes().stream().map(Scene::number).toList());
        }
    }
}
