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
        return edit().aiUses(uses).build();
    }

    public Shot withLens(String value) {
        return edit().lens(value).build();
    }

    /** A copy with fresh ids for the shot and each AI use, as "Duplicate shot" needs. */
    public Shot duplicate(String newNumber) {
        List<AiUse> uses = aiUses.stream().map(AiUse::withNewId).toList();
        return new Shot(UUID.randomUUID(), sceneId, newNumber, description, size, angle, movement, lens,
                durationSeconds, departmentIds, notes, uses);
    }

    /** Starts an edited copy: {@code shot.edit().lens("35mm").build()}. */
    public Builder edit() {
        return new Builder(this);
    }

    /** Builds an edited copy of a shot, so callers change one field without repeating the rest. */
    public static final class Builder {
        private final Shot base;
        private UUID sceneId;
        private String number, description, angle, movement, lens, notes;
        private ShotSize size;
        private double durationSeconds;
        private List<UUID> departmentIds;
        private List<AiUse> aiUses;

        private Builder(Shot s) {
            base = s;
            sceneId = s.sceneId;
            number = s.number;
            description = s.description;
            size = s.size;
            angle = s.angle;
            movement = s.movement;
            lens = s.lens;
            durationSeconds = s.durationSeconds;
            departmentIds = s.departmentIds;
            notes = s.notes;
            aiUses = s.aiUses;
        }

        public Builder sceneId(UUID v) { sceneId = v; return this; }
        public Builder number(String v) { number = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder size(ShotSize v) { size = v; return this; }
        public Builder angle(String v) { angle = v; return this; }
        public Builder movement(String v) { movement = v; return this; }
        public Builder lens(String v) { lens = v; return this; }
        public Builder durationSeconds(double v) { durationSeconds = v; return this; }
        public Builder departmentIds(List<UUID> v) { departmentIds = v; return this; }
        public Builder notes(String v) { notes = v; return this; }
        public Builder aiUses(List<AiUse> v) { aiUses = v; return this; }

        public Shot build() {
            return new Shot(base.id, sceneId, number, description, size, angle, movement, lens, durationSeconds,
                    departmentIds, notes, aiUses);
        }
    }
}
