package org.clearframe.importer;

import org.clearframe.model.Labelled;

import java.util.List;

/** The shot-list fields a CSV column can be mapped to, with the header names that usually mean them. */
public enum ShotField implements Labelled {
    SCENE("Scene", List.of("scene", "sc", "scene no", "scene number", "scene nr", "scn")),
    SHOT("Shot", List.of("shot", "shot no", "shot number", "shot nr", "setup", "set up", "shot id")),
    DESCRIPTION("Description", List.of("description", "desc", "shot description", "action", "what")),
    SIZE("Size", List.of("size", "shot size", "shot type", "type", "framing", "frame")),
    ANGLE("Angle", List.of("angle", "camera angle", "cam angle")),
    MOVEMENT("Movement", List.of("movement", "move", "camera movement", "camera move", "cam move")),
    LENS("Lens", List.of("lens", "focal length", "lens mm", "mm")),
    DURATION("Duration", List.of("duration", "duration s", "duration sec", "duration secs", "length s", "seconds", "secs", "dur")),
    NOTES("Notes", List.of("notes", "note", "comments", "comment", "remarks"));

    private final String label;
    private final List<String> headers;

    ShotField(String label, List<String> headers) {
        this.label = label;
        this.headers = headers;
    }

    @Override public String label() { return label; }

    /** Header names (lower case, letters and digits only) that {@link ColumnMapping#guess} takes to mean this field. */
    List<String> headers() {
        return headers;
    }
}
