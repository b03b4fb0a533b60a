package org.clearframe.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Everything in one production file, as an immutable snapshot. Scenes are in script order and shots in
 * scene order then shot order. {@code policyJson} is the studio policy in force, or empty for the default.
 */
public record ProductionData(Production production, List<Department> departments, List<CastMember> cast,
                             List<Scene> scenes, List<Shot> shots, List<SignOff> signOffs, String policyJson,
                             List<Scan> scans, List<Consent> consents) {

    public ProductionData {
        departments = List.copyOf(departments);
        cast = List.copyOf(cast);
        scenes = List.copyOf(scenes);
        shots = List.copyOf(shots);
        signOffs = List.copyOf(signOffs);
        policyJson = Text.orEmpty(policyJson);
        scans = scans == null ? List.of() : List.copyOf(scans);
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    /** A production with no scans or consents recorded (everything written before they were kept). */
    public ProductionData(Production production, List<Department> departments, List<CastMember> cast, List<Scene> scenes,
                          List<Shot> shots, List<SignOff> signOffs, String policyJson) {
        this(production, departments, cast, scenes, shots, signOffs, policyJson, List.of(), List.of());
    }

    /** The same production with other sign-offs (the proven ones only, or none); everything else kept. */
    public ProductionData withSignOffs(List<SignOff> kept) {
        return new ProductionData(production, departments, cast, scenes, shots, kept, policyJson, scans, consents);
    }

    public List<Scan> scansOf(UUID castId) {
        return scans.stream().filter(s -> s.castId().equals(castId)).toList();
    }

    public List<Consent> consentsOf(UUID castId) {
        return consents.stream().filter(c -> castId.equals(c.castId())).toList();
    }

    public Optional<Department> department(UUID id) {
        return departments.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    public Optional<CastMember> castMember(UUID id) {
        return cast.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<Scene> scene(UUID id) {
        return scenes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Shot> shot(UUID id) {
        return shots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<Shot> shotsOf(UUID sceneId) {
        return shots.stream().filter(s -> s.sceneId().equals(sceneId)).toList();
    }

    public List<SignOff> signOffsOf(UUID shotId) {
        return signOffs.stream().filter(s -> s.shotId().equals(shotId)).toList();
    }

    public long aiUseCount() {
        return shots.stream().mapToLong(s -> s.aiUses().size()).sum();
    }

    /** Id-to-record maps for code that looks up many rows (tables, exports), to avoid quadratic scans. */
    public static <T> Map<UUID, T> index(List<T> rows, Function<T, UUID> id) {
        Map<UUID, T> map = new HashMap<>(rows.size() * 2);
        for (T row : rows) map.put(id.apply(row), row);
        return map;
    }
}
