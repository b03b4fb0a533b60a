package org.clearframe.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One planned use of generative AI on a shot, with the facts the sign-off rules need. {@code frameSharePercent} is
 * how much of the frame the AI output covers (0-100), where the producer recorded it, else null: a disclosure fact
 * for the evidence pack, not part of what people sign (it is left out of the shot's fingerprint).
 */
public record AiUse(UUID id, Technique technique, String purpose, String tool, Output output,
                    List<UUID> performerIds, List<UUID> departmentIds, Set<Material> uploads,
                    Tristate vendorTrains, Set<Factor> factors, String notes, Integer frameSharePercent) {

    public AiUse {
        Objects.requireNonNull(id, "id");
        technique = technique == null ? Technique.OTHER : technique;
        purpose = Text.orEmpty(purpose);
        tool = Text.orEmpty(tool);
        output = output == null ? Output.TEMPORARY : output;
        performerIds = performerIds == null ? List.of() : List.copyOf(performerIds);
        departmentIds = departmentIds == null ? List.of() : List.copyOf(departmentIds);
        uploads = uploads == null || uploads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(uploads));
        vendorTrains = vendorTrains == null ? Tristate.UNKNOWN : vendorTrains;
        factors = factors == null || factors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(factors));
        notes = Text.orEmpty(notes);
        if (frameSharePercent != null && (frameSharePercent < 0 || frameSharePercent > 100)) {
            throw new IllegalArgumentException("the AI share of the frame is a percentage from 0 to 100");
        }
    }

    /** An AI use with no share of the frame recorded. */
    public AiUse(UUID id, Technique technique, String purpose, String tool, Output output,
                 List<UUID> performerIds, List<UUID> departmentIds, Set<Material> uploads,
                 Tristate vendorTrains, Set<Factor> factors, String notes) {
        this(id, technique, purpose, tool, output, performerIds, departmentIds, uploads, vendorTrains, factors, notes, null);
    }

    public static AiUse of(Technique technique, String purpose, String tool, Output output) {
        return new AiUse(UUID.randomUUID(), technique, purpose, tool, output, List.of(), List.of(), Set.of(),
                Tristate.UNKNOWN, Set.of(), "");
    }

    public boolean has(Factor factor) {
        return factors.contains(factor);
    }

    public AiUse withPurpose(String value) {
        return new AiUse(id, technique, value, tool, output, performerIds, departmentIds, uploads, vendorTrains, factors, notes,
                frameSharePercent);
    }

    AiUse withNewId() {
        return new AiUse(UUID.randomUUID(), technique, purpose, tool, output, performerIds, departmentIds, uploads,
                vendorTrains, factors, notes, frameSharePercent);
    }

    public AiUse withFrameShare(Integer percent) {
        return new AiUse(id, technique, purpose, tool, output, performerIds, departmentIds, uploads, vendorTrains, factors, notes, percent);
    }
}
