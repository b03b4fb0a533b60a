package org.clearframe.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** One planned use of generative AI on a shot, with the facts the sign-off rules need. */
public record AiUse(UUID id, Technique technique, String purpose, String tool, Output output,
                    List<UUID> performerIds, List<UUID> departmentIds, Set<Material> uploads,
                    Tristate vendorTrains, Set<Factor> factors, String notes) {

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
    }

    public static AiUse of(Technique technique, String purpose, String tool, Output output) {
        return new AiUse(UUID.randomUUID(), technique, purpose, tool, output, List.of(), List.of(), Set.of(),
                Tristate.UNKNOWN, Set.of(), "");
    }

    public boolean has(Factor factor) {
        return factors.contains(factor);
    }

    public AiUse withPurpose(String value) {
        return new AiUse(id, technique, value, tool, output, performerIds, departmentIds, uploads, vendorTrains, factors, notes);
    }

    AiUse withNewId() {
        return new AiUse(UUID.randomUUID(), technique, purpose, tool, output, performerIds, departmentIds, uploads,
                vendorTrains, factors, notes);
    }
}
