package org.clearframe.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A planned shot with its AI uses. The shot is the unit of sign-off, so it carries its AI uses with it:
 * the rules see one shot whole, and a sign-off's fingerprint is taken over exactly this value.
 */
public record Shot(UUID id, UUID sceneId, String number, String description, ShotSize size, String angle,
                   String movement, String lens, double durationSeconds, List<UUID> departmentIds, String notes,
                   List<AiUse> aiUses) {

    public Shot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sceneId, "sceneId");
        number = Text.orEmpty(number);
        description = Text.orEmpty(description);
        angle = Text.orEmpty(angle);
        movement = Text.orEmpty(movement);
        lens = Text.orEmpty(lens);
        if (durationSeconds < 0) throw new IllegalArgumentException("duration cannot be negative");
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        notes = Text.orEmpty(notes);
        aiUses = aiUses == null ? List.of() : List.copyOf(aiUses);
    }

    public static Shot numbered(UUID sceneId, String number, String description) {
        return new Shot(UUID.randomUUID(), sceneId, number, description, null, "", "", "", 0, List.of(), "", List.of());
    }

    public boolean hasAiUse() {
        return !aiUses.isEmpty();
    }

    public Shot withAiUses(List<AiUse> uses) {
        return new Shot(id, sceneId, number, description, size, angle, movement, lens, durationSeconds,
                departmentIds, notes, uses);
    }

    public Shot withNumber(String value) {
        return new Shot(id, sceneId, value, description, size, angle, movement, lens, durationSeconds,
                departmentIds, notes, aiUses);
    }

    public Shot withLens(String value) {
        return new Shot(id, sceneId, number, description, size, angle, movement, value, durationSeconds,
                departmentIds, notes, aiUses);
    }

    /** A copy with fresh ids for the shot and each AI use, as "Duplicate shot" needs. */
    public Shot duplicate(String newNumber) {
        List<AiUse> uses = aiUses.stream().map(AiUse::withNewId).toList();
        return new Shot(UUID.randomUUID(), sceneId, newNumber, description, size, angle, movement, lens,
                durationSeconds, departmentIds, notes, uses);
    }
}
