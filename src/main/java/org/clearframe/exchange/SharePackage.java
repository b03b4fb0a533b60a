package org.clearframe.exchange;

import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Production;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.Text;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Names;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Source;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * What the producer sends a department head for review ({@code .cfshare}): the production header, the scenes and
 * shots that concern the head's department (or all), with their AI uses and fingerprints, the flags that need the
 * department's roles, and the rules behind them. Read-only for the head, who answers with a {@link Reply} made by
 * {@link #sign}. {@link SharePackageBuilder} makes one from a production, {@link SharePackageJson} reads and writes
 * it (the shape is documented in src/docs/exchange-format.md).
 */
public record SharePackage(int schemaVersion, String appVersion, UUID id, Instant createdAt, Production production, Audience audience,
                           String policyName, String policyVersion, List<Department> departments, List<CastMember> cast,
                           List<Scene> scenes, List<Shot> shots, Map<UUID, String> fingerprints, List<RuleInfo> rules,
                           List<FlagInfo> flags, PackageSeal seal) {

    public static final String FORMAT = "clearframe-share";
    /** 2: signed by the producer ({@code seal}), audience may name a performer and representative. 1: unsigned. */
    public static final int SCHEMA_VERSION = 2;
    public static final String EXTENSION = ".cfshare";
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /**
     * Whom the package is for: a department's name, the roles it signs for, whether every shot is included, and for a
     * performer's package the performer (cast id and name) and, if the producer named one, who may sign for them.
     */
    public record Audience(String department, List<Role> roles, boolean allShots, Person performer, Representative representative) {
        public Audience {
            department = Text.orEmpty(department).strip();
            roles = List.copyOf(roles);
            if (roles.isEmpty()) throw new IllegalArgumentException("a package is for at least one role");
            if (representative != null && performer == null) throw new IllegalArgumentException("a representative represents a performer");
        }

        public Audience(String department, List<Role> roles, boolean allShots) {
            this(department, roles, allShots, null, null);
        }

        public Audience withAllShots(boolean all) {
            return new Audience(department, roles, all, performer, representative);
        }
    }

    /** The performer a package is for: the cast member's id and name, as the producer's cast list has them. */
    public record Person(UUID id, String name) {
        public Person {
            Objects.requireNonNull(id, "id");
            name = Text.orEmpty(name);
        }
    }

    /** Who the producer agreed may sign for the performer: an agent, a lawyer or an estate. */
    public record Representative(String name, Capacity capacity) {
        public Representative {
            name = Text.orEmpty(name).strip();
            Objects.requireNonNull(capacity, "capacity");
            if (capacity == Capacity.SELF) throw new IllegalArgumentException("a representative is an agent, a lawyer or an estate");
        }
    }

    /** A policy rule as the head reads it. */
    public record RuleInfo(String id, String title, String explanation, Severity severity, List<Role> mustSign, List<Source> sources) {
        public RuleInfo {
            mustSign = List.copyOf(mustSign);
            sources = List.copyOf(sources);
        }
    }

    /** One flag that needs the audience's roles, with only the signatures those roles give. */
    public record FlagInfo(String ruleId, UUID shotId, UUID aiUseId, String reason, List<Need> signatures) {
        public FlagInfo {
            signatures = List.copyOf(signatures);
        }
    }

    /**
     * One signature the head can give: role, the performer concerned for person roles, where it stands now, and
     * the newest decision recorded for it, if any.
     */
    public record Need(Role role, UUID subjectId, String subjectName, SignatureState state, Decision latestDecision, String latestSigner,
                       String latestNote) {
        public Need {
            subjectName = Text.orEmpty(subjectName);
            latestSigner = Text.orEmpty(latestSigner);
            latestNote = Text.orEmpty(latestNote);
        }

        public String who() {
            return subjectName.isBlank() ? role.label() : role.label() + ": " + subjectName;
        }
    }

    /** A question the head answers once, however many flags on the shot ask it: shot, rule, role, performer. */
    public record Slot(UUID shotId, String ruleId, Role role, UUID subjectId, String subjectName) {
        public String key() {
            return shotId + "/" + ruleId + "/" + role.name() + (subjectId == null ? "" : "/" + subjectId);
        }
    }

    /** The head's decision on one slot. */
    public record Answer(Slot slot, Decision decision, String note) {
        public Answer {
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(decision, "decision");
            note = Text.orEmpty(note).strip();
        }
    }

    public SharePackage {
        // programming errors, not bad input: the reader (SharePackageJson) checks every field of a file before this
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(production, "production");
        Objects.requireNonNull(audience, "audience");
        departments = List.copyOf(departments);
        cast = List.copyOf(cast);
        scenes = List.copyOf(scenes);
        shots = List.copyOf(shots);
        fingerprints = Map.copyOf(fingerprints);
        rules = List.copyOf(rules);
        flags = List.copyOf(flags);
    }

    /** This package signed with the producer's keys ({@link KeyRing#keyPair()}), ready to write and send. */
    public SharePackage sealedWith(KeyPair producerKeys) throws ExchangeException {
        SharePackage unsealed = withSeal(null);
        return withSeal(PackageSeal.make(SharePackageJson.toJson(unsealed), id, production.id(), producerKeys));
    }

    private SharePackage withSeal(PackageSeal value) {
        return new SharePackage(value == null && seal == null ? schemaVersion : SCHEMA_VERSION, appVersion, id, createdAt, production,
                audience, policyName, policyVersion, departments, cast, scenes, shots, fingerprints, rules, flags, value);
    }

    /** True when the producer signed this package; only old (schema 1) packages are not. */
    public boolean sealed() {
        return seal != null;
    }

    // ---------------------------------------------------------------------------------------------- reading it

    public Optional<Shot> shot(UUID id) {
        return shots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<Scene> scene(UUID id) {
        return scenes.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<RuleInfo> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /** "12A/3": scene and shot number, as the head refers to a shot. */
    public String shotLabel(UUID shotId) {
        return shot(shotId).map(s -> scene(s.sceneId()).map(Scene::number).orElse("?") + "/" + s.number()).orElse(shotId.toString());
    }

    /** The questions the head can answer, one per (shot, rule, role, performer), in the order the flags came. */
    public List<Slot> slots() {
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (FlagInfo f : flags) {
            for (Need n : f.signatures()) {
                Slot slot = new Slot(f.shotId(), f.ruleId(), n.role(), n.subjectId(), n.subjectName());
                slots.putIfAbsent(slot.key(), slot);
            }
        }
        return List.copyOf(slots.values());
    }

    /** The flags that ask {@code slot}'s question (an AI use each). */
    public List<FlagInfo> flagsFor(Slot slot) {
        return flags.stream().filter(f -> f.shotId().equals(slot.shotId()) && f.ruleId().equals(slot.ruleId())
                && f.signatures().stream().anyMatch(n -> n.role() == slot.role() && Objects.equals(n.subjectId(), slot.subjectId()))).toList();
    }

    /**
     * True when a slot can be signed at all: a person role with no performer named asks for a person nobody can be,
     * so nobody can sign it until the producer names the performer.
     */
    public static boolean signable(Slot slot) {
        return !(slot.role().perPerson() && slot.subjectId() == null);
    }

    /**
     * In what capacity {@code signerName} may sign {@code slot}, or empty if they may not: anyone in the audience
     * signs the slots of roles that are not per person; a person slot is signed by the performer it names (the
     * name compared as {@link Names} does), or by the representative this package names for that performer.
     */
    public Optional<Capacity> capacityFor(String signerName, Slot slot) {
        if (!signable(slot)) return Optional.empty();
        if (!slot.role().perPerson()) return Optional.of(Capacity.SELF);
        Person person = audience.performer();
        if (person != null && !person.id().equals(slot.subjectId())) return Optional.empty();
        Representative rep = audience.representative();
        if (slot.role() == Role.PERFORMER && Names.same(signerName, slot.subjectName())) return Optional.of(Capacity.SELF);
        if (rep != null && Names.same(signerName, rep.name())) {
            boolean fits = slot.role() == Role.RIGHTS_HOLDER ? rep.capacity() == Capacity.ESTATE : rep.capacity() != Capacity.ESTATE;
            if (fits) return Optional.of(rep.capacity());
        }
        return Optional.empty();
    }

    /**
     * The head's signed reply: one decision per answered slot. Each carries the fingerprint of the shot computed here
     * from the content this package shows (never a fingerprint field copied from the file), so a package altered to
     * show another plan yields a reply that matches no real plan; and for person slots, the performer's name as shown.
     */
    public Reply sign(String signerName, List<Answer> answers, KeyPair keys) throws ExchangeException {
        if (Text.isBlank(signerName)) throw new ExchangeException(Problem.INVALID, "Enter your name: the reply records who signed.");
        Optional<String> badName = Names.problem(signerName);
        if (badName.isPresent()) throw new ExchangeException(Problem.INVALID, "Your name " + badName.get() + ".");
        if (answers.isEmpty()) throw new ExchangeException(Problem.INVALID, "There is no decision to return yet.");
        Set<String> known = new HashSet<>();
        slots().forEach(s -> known.add(s.key()));
        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        List<Reply.Entry> entries = new ArrayList<>();
        Capacity capacity = null;
        UUID person = null;
        for (Answer a : answers) {
            Slot s = a.slot();
            if (!known.contains(s.key())) {
                throw new ExchangeException(Problem.UNKNOWN_ID, "This package does not ask for a " + s.role().label() + " signature under rule "
                        + s.ruleId() + " on shot " + shotLabel(s.shotId()) + ".");
            }
            if (!seen.add(s.key())) {
                throw new ExchangeException(Problem.DUPLICATE_ID, "Shot " + shotLabel(s.shotId()) + ", rule " + s.ruleId() + ", "
                        + s.role().label() + " is answered twice.");
            }
            if (!signable(s)) {
                throw new ExchangeException(Problem.INVALID, "Shot " + shotLabel(s.shotId()) + ", rule " + s.ruleId() + " asks for the "
                        + s.role().label() + " but names no performer, so nobody can sign it yet. Ask the producer to name the performer.");
            }
            if (a.decision() == Decision.APPROVED_WITH_CONDITIONS && a.note().isBlank()) {
                throw new ExchangeException(Problem.INVALID, "Approving shot " + shotLabel(s.shotId()) + " under " + s.ruleId()
                        + " with conditions needs the conditions written in the note.");
            }
            if (s.role().perPerson()) {
                Capacity c = capacityFor(signerName, s).orElseThrow(() -> new ExchangeException(Problem.INVALID, signerName.strip()
                        + " cannot give " + s.subjectName() + "'s consent (" + s.role().label() + ", shot " + shotLabel(s.shotId())
                        + "): a performer signs only for themselves, or a representative the producer named in the performer's package."));
                if (person != null && !person.equals(s.subjectId())) {
                    throw new ExchangeException(Problem.INVALID, "One reply gives one person's consent; this one answers for two performers.");
                }
                if (capacity != null && capacity != c) throw new ExchangeException(Problem.INVALID, "One reply signs in one capacity only.");
                person = s.subjectId();
                capacity = c;
            }
            Shot shot = shot(s.shotId()).orElseThrow(() -> new ExchangeException(Problem.UNKNOWN_ID, "The package has no shot " + s.shotId() + "."));
            entries.add(new Reply.Entry(s.shotId(), s.ruleId(), s.role(), s.subjectId(), a.decision(), a.note(), now,
                    Fingerprint.of(shot), s.role().perPerson() ? s.subjectName() : ""));
        }
        Reply.Signer signer = new Reply.Signer(signerName, audience.department(), audience.roles(), person,
                capacity == null ? Capacity.SELF : capacity);
        return Reply.sign(id, production.id(), production.title(), signer, entries, seal, keys);
    }

    // ---------------------------------------------------------------------------------------------- file

    /**
     * Reads and checks a package file ({@link SharePackageJson} says what is checked): format, version, size, ids,
     * references, the producer's seal (required from schema 2 on) and that every shot matches its fingerprint.
     */
    public static SharePackage read(Path file) throws ExchangeException {
        return SharePackageJson.read(file);
    }

    /** Writes the package; it must be sealed ({@link #sealedWith}) first, since a reader refuses an unsigned new package. */
    public void write(Path file) throws ExchangeException {
        SharePackageJson.write(this, file);
    }
}
