package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.AppInfo;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Text;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Names;
import org.clearframe.rules.Flag;
import org.clearframe.rules.Policy;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Rule;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SigningDepartments;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Source;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * {@link #sign}. The shape is documented in src/docs/exchange-format.md.
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
        departments = List.copyOf(departments);
        cast = List.copyOf(cast);
        scenes = List.copyOf(scenes);
        shots = List.copyOf(shots);
        fingerprints = Map.copyOf(fingerprints);
        rules = List.copyOf(rules);
        flags = List.copyOf(flags);
    }

    // ---------------------------------------------------------------------------------------------- audience

    /**
     * The audience for a department named like {@code name} (case does not matter; a unique start or part of a name
     * will do, so "costume" finds "Costume / Wardrobe"): the roles whose usual holder heads that department.
     */
    public static Audience forDepartment(ProductionData data, String name) throws ExchangeException {
        String wanted = Text.orEmpty(name).strip();
        if (Names.normalise(wanted).isEmpty()) throw new ExchangeException(Problem.INVALID, "Name the department the package is for.");
        List<String> found = SigningDepartments.find(data, wanted);
        if (found.size() > 1) {
            throw new ExchangeException(Problem.INVALID, "\"" + wanted + "\" could be any of: " + String.join(", ", found) + ". Give the full name.");
        }
        if (found.isEmpty()) {
            throw new ExchangeException(Problem.UNKNOWN_ID, "There is no department called \"" + wanted + "\". Departments: "
                    + String.join(", ", SigningDepartments.names(data)) + ".");
        }
        String department = found.get(0);
        List<Role> roles = SigningDepartments.rolesOf(department);
        if (roles.isEmpty()) {
            throw new ExchangeException(Problem.INVALID, "No sign-off role belongs to the department \"" + department
                    + "\", so its head has nothing to sign. Send the package for a role instead.");
        }
        return new Audience(department, roles, false);
    }

    /** The audience for one role, under the department its holder usually heads. */
    public static Audience forRole(Role role) {
        return new Audience(role.department(), List.of(role), false);
    }

    /**
     * The audience for one performer, found by name (compared as {@link Names} does) or cast id: the person roles,
     * only that performer's slots, and optionally the representative who may sign for them. A deceased performer's
     * consent is given by their estate, so their package must name it.
     */
    public static Audience forPerformer(ProductionData data, String name, String representative, Capacity capacity) throws ExchangeException {
        String wanted = Text.orEmpty(name).strip();
        if (wanted.isEmpty()) throw new ExchangeException(Problem.INVALID, "Name the performer the package is for.");
        List<CastMember> found = data.cast().stream().filter(c -> Names.same(c.performer(), wanted) || c.id().toString().equalsIgnoreCase(wanted)).toList();
        if (found.isEmpty()) {
            throw new ExchangeException(Problem.UNKNOWN_ID, "There is no performer called \"" + wanted + "\" in the cast. Cast: "
                    + String.join(", ", data.cast().stream().map(CastMember::performer).toList()) + ".");
        }
        if (found.size() > 1) {
            throw new ExchangeException(Problem.INVALID, "More than one cast row is called \"" + wanted + "\": give the cast id instead ("
                    + String.join(", ", found.stream().map(c -> c.id().toString()).toList()) + ").");
        }
        CastMember who = found.get(0);
        Representative rep = null;
        if (representative != null && !representative.isBlank()) {
            Optional<String> bad = Names.problem(representative);
            if (bad.isPresent()) throw new ExchangeException(Problem.INVALID, "The representative's name " + bad.get() + ".");
            rep = new Representative(representative, capacity == null || capacity == Capacity.SELF ? Capacity.AGENT : capacity);
        } else if (capacity != null && capacity != Capacity.SELF) {
            throw new ExchangeException(Problem.INVALID, "Name the " + capacity.label() + " who signs for " + who.performer() + ".");
        }
        if (who.deceased() && (rep == null || rep.capacity() != Capacity.ESTATE)) {
            throw new ExchangeException(Problem.INVALID, who.performer() + " is deceased: their estate gives consent. Name it as the "
                    + "representative, with the capacity estate.");
        }
        if (!who.deceased() && rep != null && rep.capacity() == Capacity.ESTATE) {
            throw new ExchangeException(Problem.INVALID, who.performer() + " is not marked deceased, so an estate cannot sign for them.");
        }
        return new Audience(Role.PERFORMER.department(), List.of(Role.PERFORMER, Role.RIGHTS_HOLDER), false,
                new Person(who.id(), who.performer()), rep);
    }

    // ---------------------------------------------------------------------------------------------- building

    /** Builds the package for {@code audience} from the production as it is now, under the policy in force. */
    public static SharePackage build(ProductionData data, Audience audience) {
        return build(data, Assessment.of(data), audience);
    }

    /** Builds the package for {@code audience} from the production and its {@link Assessment} (flags and policy). */
    public static SharePackage build(ProductionData data, Assessment assessment, Audience audience) {
        Policy policy = assessment.policy();
        Map<UUID, List<Flag>> all = assessment.flagsByShot();
        Set<Role> roles = Set.copyOf(audience.roles());
        Set<UUID> departmentIds = SigningDepartments.departmentIds(data, audience.department());

        List<FlagInfo> flags = new ArrayList<>();
        Map<String, Rule> usedRules = new LinkedHashMap<>();
        Set<UUID> flagged = new HashSet<>();
        Set<UUID> inCast = new HashSet<>();
        data.cast().forEach(c -> inCast.add(c.id()));
        for (Shot shot : data.shots()) {
            for (Flag flag : all.getOrDefault(shot.id(), List.of())) {
                // A performer no longer in the cast list has nobody who could sign for them: fix the cast first.
                List<Need> needs = flag.signatures().stream().filter(s -> roles.contains(s.role()))
                        .filter(s -> s.subjectId() == null || inCast.contains(s.subjectId()))
                        .filter(s -> audience.performer() == null || audience.performer().id().equals(s.subjectId()))
                        .map(SharePackage::need).toList();
                if (needs.isEmpty()) continue;
                flags.add(new FlagInfo(flag.rule().id(), shot.id(), flag.aiUse().id(), flag.reason(), needs));
                usedRules.putIfAbsent(flag.rule().id(), flag.rule());
                flagged.add(shot.id());
            }
        }
        List<Shot> shots = data.shots().stream()
                .filter(s -> audience.allShots() || flagged.contains(s.id()) || touches(s, departmentIds))
                .toList();
        Set<UUID> sceneIds = new HashSet<>();
        shots.forEach(s -> sceneIds.add(s.sceneId()));
        List<Scene> scenes = data.scenes().stream().filter(s -> sceneIds.contains(s.id())).toList();

        Set<UUID> castIds = new HashSet<>();
        Set<UUID> deptIds = new HashSet<>();
        scenes.forEach(s -> castIds.addAll(s.castIds()));
        for (Shot s : shots) {
            deptIds.addAll(s.departmentIds());
            for (AiUse u : s.aiUses()) {
                castIds.addAll(u.performerIds());
                deptIds.addAll(u.departmentIds());
            }
        }
        // Only what the head needs to read the plan: names, not e-mail addresses or union status.
        List<CastMember> cast = data.cast().stream().filter(c -> castIds.contains(c.id()))
                .map(c -> new CastMember(c.id(), c.performer(), c.character(), null, c.deceased())).toList();
        List<Department> departments = data.departments().stream().filter(d -> deptIds.contains(d.id()))
                .map(d -> new Department(d.id(), d.name(), d.headName(), "", d.colour())).toList();
        Map<UUID, String> fingerprints = new LinkedHashMap<>();
        shots.forEach(s -> fingerprints.put(s.id(), Fingerprint.of(s)));
        List<RuleInfo> rules = usedRules.values().stream()
                .map(r -> new RuleInfo(r.id(), r.title(), r.explanation(), r.severity(), r.mustSign(), r.sources())).toList();
        Production p = data.production();
        Production header = new Production(p.id(), p.title(), p.format(), p.genre(), p.studio(), p.producer(), p.director(),
                p.principalPhotography(), "");
        return new SharePackage(SCHEMA_VERSION, AppInfo.version(), UUID.randomUUID(), Instant.now(), header, audience, policy.name(),
                policy.version(), departments, cast, scenes, shots, fingerprints, rules, flags, null);
    }

    /** This package signed with the producer's keys ({@link KeyRing#keyPair()}), ready to write and send. */
    public SharePackage sealedWith(KeyPair producerKeys) throws ExchangeException {
        SharePackage unsealed = withSeal(null);
        return withSeal(PackageSeal.make(unsealed.toJson(), id, production.id(), producerKeys));
    }

    private SharePackage withSeal(PackageSeal value) {
        return new SharePackage(value == null && seal == null ? schemaVersion : SCHEMA_VERSION, appVersion, id, createdAt, production,
                audience, policyName, policyVersion, departments, cast, scenes, shots, fingerprints, rules, flags, value);
    }

    /** True when the producer signed this package; only old (schema 1) packages are not. */
    public boolean sealed() {
        return seal != null;
    }

    private static boolean touches(Shot shot, Set<UUID> departmentIds) {
        if (!shot.hasAiUse() || departmentIds.isEmpty()) return false;
        if (shot.departmentIds().stream().anyMatch(departmentIds::contains)) return true;
        return shot.aiUses().stream().flatMap(u -> u.departmentIds().stream()).anyMatch(departmentIds::contains);
    }

    private static Need need(RequiredSignature s) {
        Optional<SignOff> latest = s.latest();
        return new Need(s.role(), s.subjectId(), s.subjectName(), s.state(), latest.map(SignOff::decision).orElse(null),
                latest.map(SignOff::signer).orElse(""), latest.map(SignOff::note).orElse(""));
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

    /** Writes the package; it must be sealed ({@link #sealedWith}) first, since a reader refuses an unsigned new package. */
    public void write(Path file) throws ExchangeException {
        if (seal == null && schemaVersion >= 2) throw new IllegalStateException("seal the package with the producer's key before writing it");
        JsonFiles.write(file, toJson());
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonFiles.header(FORMAT, schemaVersion);
        root.put("appVersion", appVersion);
        root.put("packageId", id.toString());
        root.put("createdAt", createdAt.toString());
        root.set("production", ProjectJson.production(production));
        ObjectNode aud = root.putObject("audience");
        aud.put("department", audience.department());
        ArrayNode roles = aud.putArray("roles");
        audience.roles().forEach(r -> roles.add(r.name()));
        aud.put("allShots", audience.allShots());
        if (audience.performer() != null) {
            ObjectNode who = aud.putObject("performer");
            who.put("id", audience.performer().id().toString());
            who.put("name", audience.performer().name());
        }
        if (audience.representative() != null) {
            ObjectNode rep = aud.putObject("representative");
            rep.put("name", audience.representative().name());
            rep.put("capacity", audience.representative().capacity().name());
        }
        ObjectNode pol = root.putObject("policy");
        pol.put("name", policyName);
        pol.put("version", policyVersion);
        ArrayNode ruleArray = root.putArray("rules");
        for (RuleInfo r : rules) {
            ObjectNode o = ruleArray.addObject();
            o.put("id", r.id());
            o.put("title", r.title());
            o.put("explanation", r.explanation());
            o.put("severity", r.severity().name());
            ArrayNode must = o.putArray("mustSign");
            r.mustSign().forEach(x -> must.add(x.name()));
            ArrayNode sources = o.putArray("sources");
            for (Source s : r.sources()) {
                ObjectNode so = sources.addObject();
                so.put("label", s.label());
                so.put("document", s.document());
                so.put("url", s.url());
            }
        }
        ArrayNode deps = root.putArray("departments");
        for (Department d : departments) {
            ObjectNode o = deps.addObject();
            o.put("id", d.id().toString());
            o.put("name", d.name());
            o.put("headName", d.headName());
            o.put("colour", d.colour());
        }
        ArrayNode castArray = root.putArray("cast");
        for (CastMember c : cast) {
            ObjectNode o = castArray.addObject();
            o.put("id", c.id().toString());
            o.put("performer", c.performer());
            o.put("character", c.character());
            o.put("deceased", c.deceased());
        }
        ArrayNode sceneArray = root.putArray("scenes");
        for (Scene s : scenes) sceneArray.add(ProjectJson.scene(s).put("heading", s.heading()));
        ArrayNode shotArray = root.putArray("shots");
        for (Shot s : shots) shotArray.add(ProjectJson.shot(s).put("fingerprint", fingerprints.getOrDefault(s.id(), "")));
        ArrayNode flagArray = root.putArray("flags");
        for (FlagInfo f : flags) {
            ObjectNode o = flagArray.addObject();
            o.put("ruleId", f.ruleId());
            o.put("shotId", f.shotId().toString());
            o.put("aiUseId", f.aiUseId().toString());
            o.put("reason", f.reason());
            ArrayNode sigs = o.putArray("signatures");
            for (Need n : f.signatures()) {
                ObjectNode so = sigs.addObject();
                so.put("role", n.role().name());
                if (n.subjectId() == null) so.putNull("subjectId");
                else so.put("subjectId", n.subjectId().toString());
                so.put("subjectName", n.subjectName());
                so.put("state", n.state().name());
                if (n.latestDecision() == null) so.putNull("latestDecision");
                else so.put("latestDecision", n.latestDecision().name());
                so.put("latestSigner", n.latestSigner());
                so.put("latestNote", n.latestNote());
            }
        }
        if (seal != null) root.set("seal", seal.toJson());
        return root;
    }

    /**
     * Reads and checks a package file: its format, version, size, ids, the references between its parts, the
     * producer's signature (required from schema 2 on; whether the key is the one trusted for the production is
     * {@link ProducerTrust}'s question), and that every shot's fingerprint is the fingerprint of the content shown.
     */
    public static SharePackage read(Path file) throws ExchangeException {
        String name = file.getFileName().toString();
        ObjectNode json = JsonFiles.read(file, "a Clearframe share package", FORMAT, SCHEMA_VERSION, MAX_BYTES);
        return fromJson(json, name);
    }

    static SharePackage fromJson(ObjectNode json, String name) throws ExchangeException {
        JsonIn root = JsonIn.root(json, name);
        try {
            int version = root.integer("schemaVersion");
            PackageSeal seal = null;
            if (root.has("seal")) {
                seal = PackageSeal.fromJson(root.object("seal"), json.get("seal"));
                try {
                    seal.verify(json, root.uuid("packageId"), root.object("production").uuid("id"), name);
                } catch (IllegalArgumentException unsignable) {
                    throw new ExchangeException(Problem.BAD_SIGNATURE, name + " holds what cannot be signed (" + unsignable.getMessage() + ").");
                }
            } else if (version >= 2) {
                throw new ExchangeException(Problem.UNSIGNED, name + " is not signed by the producer, though its format requires it: it was "
                        + "altered, or not made by Clearframe. Do not review it; ask the producer to send it again.");
            }
            Production production = ProjectJson.readProduction(root.object("production"));
            Audience audience = readAudience(root.object("audience"));
            List<Role> audienceRoles = audience.roles();
            JsonIn pol = root.object("policy");
            List<RuleInfo> rules = new ArrayList<>();
            Set<String> ruleIds = new HashSet<>();
            for (JsonIn r : root.objects("rules")) {
                List<Source> sources = new ArrayList<>();
                for (JsonIn s : r.objects("sources")) sources.add(new Source(s.textOr("label"), s.textOr("document"), s.textOr("url")));
                RuleInfo rule = new RuleInfo(r.nonBlank("id", 100), r.textOr("title"), r.textOr("explanation"), r.enumValue("severity", Severity.class),
                        r.enumList("mustSign", Role.class), sources);
                if (!ruleIds.add(rule.id())) throw duplicate(name, "rule", rule.id());
                rules.add(rule);
            }
            List<Department> departments = new ArrayList<>();
            for (JsonIn d : root.objects("departments")) {
                departments.add(new Department(d.uuid("id"), d.textOr("name"), d.textOr("headName"), "", d.textOr("colour")));
            }
            List<CastMember> cast = new ArrayList<>();
            for (JsonIn c : root.objects("cast")) {
                cast.add(new CastMember(c.uuid("id"), c.textOr("performer"), c.textOr("character"), null, c.boolOr("deceased", false)));
            }
            List<Scene> scenes = new ArrayList<>();
            for (JsonIn s : root.objects("scenes")) {
                int eighths = s.integer("eighths");
                if (eighths < 0) throw s.invalid("eighths", "cannot be negative.");
                scenes.add(new Scene(s.uuid("id"), s.textOr("number"), s.enumValue("intExt", org.clearframe.model.IntExt.class), s.textOr("set"),
                        s.textOr("timeOfDay"), s.textOr("synopsis"), eighths, s.textOr("storyDay"), s.uuids("castIds"), s.boolOr("omitted", false)));
            }
            List<Shot> shots = new ArrayList<>();
            Map<UUID, String> fingerprints = new LinkedHashMap<>();
            for (JsonIn s : root.objects("shots")) {
                double duration = s.number("durationSeconds");
                if (!(duration >= 0) || Double.isInfinite(duration)) throw s.invalid("durationSeconds", "must be zero or more seconds.");
                List<AiUse> uses = new ArrayList<>();
                for (JsonIn u : s.objects("aiUses")) uses.add(ProjectJson.readAiUse(u));
                Shot shot = new Shot(s.uuid("id"), s.uuid("sceneId"), s.textOr("number"), s.textOr("description"),
                        s.enumOrNull("size", org.clearframe.model.ShotSize.class), s.textOr("angle"), s.textOr("movement"), s.textOr("lens"),
                        duration, s.uuids("departmentIds"), s.textOr("notes"), uses);
                shots.add(shot);
                fingerprints.put(shot.id(), s.nonBlank("fingerprint", 200));
            }
            List<FlagInfo> flags = new ArrayList<>();
            for (JsonIn f : root.objects("flags")) {
                List<Need> needs = new ArrayList<>();
                for (JsonIn n : f.objects("signatures")) {
                    Role role = n.enumValue("role", Role.class);
                    if (!audienceRoles.contains(role)) throw n.invalid("role", "is " + role.name() + ", which this package is not for.");
                    needs.add(new Need(role, n.uuidOrNull("subjectId"), n.textOr("subjectName"), n.enumValue("state", SignatureState.class),
                            n.enumOrNull("latestDecision", Decision.class), n.textOr("latestSigner"), n.textOr("latestNote")));
                }
                flags.add(new FlagInfo(f.nonBlank("ruleId", 100), f.uuid("shotId"), f.uuid("aiUseId"), f.textOr("reason"), needs));
            }
            SharePackage pkg = new SharePackage(version, root.textOr("appVersion"), root.uuid("packageId"),
                    root.instant("createdAt"), production, audience, pol.textOr("name"), pol.textOr("version"), departments, cast, scenes, shots,
                    fingerprints, rules, flags, seal);
            pkg.checkReferences(name, ruleIds);
            pkg.checkConsistency(name);
            return pkg;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ExchangeException(Problem.INVALID, name + ": " + e.getMessage(), e);
        }
    }

    private static Audience readAudience(JsonIn aud) throws ExchangeException {
        List<Role> audienceRoles = aud.enumList("roles", Role.class);
        if (audienceRoles.isEmpty()) throw aud.invalid("roles", "is empty.");
        Person person = null;
        Representative representative = null;
        if (aud.has("performer")) {
            JsonIn p = aud.object("performer");
            person = new Person(p.uuid("id"), p.nonBlank("name", Names.MAX_LENGTH));
        }
        if (aud.has("representative")) {
            if (person == null) throw aud.invalid("representative", "is given, but the package names no performer.");
            JsonIn r = aud.object("representative");
            String repName = r.nonBlank("name", Names.MAX_LENGTH);
            if (Names.problem(repName).isPresent()) throw r.invalid("name", Names.problem(repName).get() + ".");
            Capacity capacity = r.enumValue("capacity", Capacity.class);
            if (capacity == Capacity.SELF) throw r.invalid("capacity", "is SELF, which is not a representative.");
            representative = new Representative(repName, capacity);
        }
        return new Audience(aud.textOr("department"), audienceRoles, aud.boolOr("allShots", false), person, representative);
    }

    /** The audience a package seal signs (as a reply carries it back). */
    static Audience audienceFromSeal(PackageSeal seal) throws ExchangeException {
        try {
            return readAudience(JsonIn.root(seal.audience(), "the package seal's audience"));
        } catch (IllegalArgumentException e) {
            throw new ExchangeException(Problem.INVALID, "The package seal's audience is not valid: " + e.getMessage(), e);
        }
    }

    private void checkReferences(String name, Set<String> ruleIds) throws ExchangeException {
        Set<UUID> sceneIds = unique(name, "scene", scenes.stream().map(Scene::id).toList());
        Set<UUID> shotIds = unique(name, "shot", shots.stream().map(Shot::id).toList());
        unique(name, "department", departments.stream().map(Department::id).toList());
        unique(name, "cast member", cast.stream().map(CastMember::id).toList());
        unique(name, "AI use", shots.stream().flatMap(s -> s.aiUses().stream()).map(AiUse::id).toList());
        for (Shot s : shots) {
            if (!sceneIds.contains(s.sceneId())) throw unknown(name, "shot " + s.number() + " belongs to scene", s.sceneId().toString());
        }
        for (FlagInfo f : flags) {
            if (!shotIds.contains(f.shotId())) throw unknown(name, "a flag is for shot", f.shotId().toString());
            if (!ruleIds.contains(f.ruleId())) throw unknown(name, "a flag is raised by rule", f.ruleId());
        }
    }

    /**
     * What the head reads must agree with itself, signed or not: each shot's fingerprint is the fingerprint of the
     * shot as shown, each flag's AI use is on its shot, each person slot names a performer of that AI use under the
     * name the cast list shows, and a performer's package asks only for that performer. An unsigned (schema 1)
     * package passes only these checks, so an old format cannot carry a claim that the content does not back.
     */
    private void checkConsistency(String name) throws ExchangeException {
        Map<UUID, CastMember> castById = new HashMap<>();
        cast.forEach(c -> castById.put(c.id(), c));
        for (Shot s : shots) {
            if (!Fingerprint.of(s).equals(fingerprints.get(s.id()))) {
                throw new ExchangeException(Problem.INVALID, name + ": shot " + shotLabel(s.id()) + " does not match its fingerprint, so what "
                        + "the package shows is not what it was made from. It was altered; do not review it.");
            }
        }
        if (audience.performer() != null) {
            CastMember who = castById.get(audience.performer().id());
            if (who == null || !Names.same(who.performer(), audience.performer().name())) {
                throw new ExchangeException(Problem.INVALID, name + ": the performer the package is for is not in its cast list under that name.");
            }
        }
        for (FlagInfo f : flags) {
            Shot shot = shot(f.shotId()).orElseThrow();
            AiUse use = shot.aiUses().stream().filter(u -> u.id().equals(f.aiUseId())).findFirst()
                    .orElseThrow(() -> new ExchangeException(Problem.UNKNOWN_ID, name + ": a flag is for AI use " + f.aiUseId()
                            + ", which is not on shot " + shotLabel(f.shotId()) + "."));
            for (Need n : f.signatures()) {
                if (n.role().perPerson() != (n.subjectId() != null) && n.subjectId() != null) {
                    throw new ExchangeException(Problem.INVALID, name + ": " + n.role().label() + " does not sign per performer.");
                }
                if (n.subjectId() == null) continue;
                CastMember who = castById.get(n.subjectId());
                if (!use.performerIds().contains(n.subjectId()) || who == null || !who.performer().equals(n.subjectName())) {
                    throw new ExchangeException(Problem.INVALID, name + ": a signature on shot " + shotLabel(f.shotId()) + " names performer "
                            + n.subjectId() + " as \"" + JsonIn.abbreviate(n.subjectName()) + "\", which the shot and cast list do not back.");
                }
                if (audience.performer() != null && !audience.performer().id().equals(n.subjectId())) {
                    throw new ExchangeException(Problem.INVALID, name + ": the package is for " + audience.performer().name()
                            + " but asks for another performer's consent.");
                }
            }
        }
    }

    private static Set<UUID> unique(String name, String what, List<UUID> ids) throws ExchangeException {
        Set<UUID> seen = new HashSet<>();
        for (UUID id : ids) if (!seen.add(id)) throw duplicate(name, what, id.toString());
        return seen;
    }

    private static ExchangeException duplicate(String name, String what, String id) {
        return new ExchangeException(Problem.DUPLICATE_ID, name + ": the " + what + " id " + id + " appears more than once.");
    }

    private static ExchangeException unknown(String name, String context, String id) {
        return new ExchangeException(Problem.UNKNOWN_ID, name + ": " + context + " " + id + ", which is not in the package.");
    }
}
