package org.clearframe.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A department and its head, the person who signs for the department's craft. */
public record Department(UUID id, String name, String headName, String email, String colour) {

    public Department {
        Objects.requireNonNull(id, "id");
        name = Text.orEmpty(name);
        headName = Text.orEmpty(headName);
        email = Text.orEmpty(email);
        colour = Text.isBlank(colour) ? "#8A8F98" : colour;
    }

    public static Department named(String name, String colour) {
        return new Department(UUID.randomUUID(), name, "", "", colour);
    }

    /** The departments a new production starts with; colours follow common breakdown-sheet conventions. */
    public static List<Department> defaults() {
        return List.of(
                named("Direction", "#37474F"),
                named("Production", "#546E7A"),
                named("Art / Production Design", "#8D6E63"),
                named("Costume / Wardrobe", "#AD1457"),
                named("Makeup & Hair", "#C2185B"),
                named("VFX", "#1565C0"),
                named("Special Effects", "#E65100"),
                named("Camera", "#2E7D32"),
                named("Sound", "#6A1B9A"),
                named("Stunts", "#D84315"),
                named("Casting", "#00838F"),
                named("Locations", "#558B2F"),
                named("Editorial", "#4527A0"),
                named("Writing", "#5D4037"),
                named("Legal", "#424242"));
    }
}
