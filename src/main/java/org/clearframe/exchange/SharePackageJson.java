package org.clearframe.exchange;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clearframe.exchange.SharePackage.Audience;
import org.clearframe.exchange.SharePackage.FlagInfo;
import org.clearframe.exchange.SharePackage.Need;
import org.clearframe.exchange.SharePackage.Person;
import org.clearframe.exchange.SharePackage.Representative;
import org.clearframe.exchange.SharePackage.RuleInfo;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.IntExt;
import org.clearframe.model.Production;
import org.clearframe.model.Role;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.ShotSize;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Names;
import org.clearframe.rules.Severity;
import org.clearframe.rules.SignatureState;
import org.clearframe.rules.Source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * A {@link SharePackage} as JSON (src/docs/exchange-format.md): writing it, and reading it back as strictly as
 * anything from outside is read. Every field is checked where it is read, with a message naming it; nothing relies
 * on a constructor's exception to find bad input. A package of either format (1 unsigned, 2 sealed) passes the same
 * checks of its content, so an old format carries no claim the content does not back.
 */
final class SharePackageJson {

    private SharePackageJson() {}

    /** Writes the package; it must be sealed first, since a reader refuses an unsigned new package. */
    static void write(SharePackage p, Path file) throws ExchangeException {
        if (p.seal() == null && p.schemaVersion() >= 2) throw new IllegalStateException("seal the package with the producer's key before writing it");
        JsonFiles.write(file, toJson(p));
    }

    static ObjectNode toJson(SharePackage p) {
        ObjectNode root = JsonFiles.header(SharePackage.FORMAT, p.schemaVersion());
        root.put("appVersion", p.appVersion());
        root.put("packageId", p.id().toString());
        root.put("createdAt", p.createdAt().toString());
        root.set("production", ProjectJson.production(p.production()));
        ObjectNode aud = root.putObject("audience");
        aud.put("department", p.audience().department());
        ArrayNode roles = aud.putArray("roles");
        p.audience().roles().forEach(r -> roles.add(r.name()));
        aud.put("allShots", p.audience().allShots());
        if (p.audience().performer() != null) {
            ObjectNode who = aud.putObject("performer");
            who.put("id", p.audience().performer().id().toString());
            who.put("name", p.audience().performer().name());
        }
        if (p.audience().representative() != null) {
            ObjectNode rep = aud.putObject("representative");
            rep.put("name", p.audience().representative().name());
            rep.put("capacity", p.audience().representative().capacity().name());
        }
        ObjectNode pol = root.putObject("policy");
        pol.put("name", p.policyName());
        pol.put("version", p.policyVersion());
        ArrayNode ruleArray = root.putArray("rules");
        for (RuleInfo r : p.rules()) {
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
        for (Department d : p.departments()) {
            ObjectNode o = deps.addObject();
            o.put("id", d.id().toString());
            o.put("name", d.name());
            o.put("headName", d.headName());
            o.put("colour", d.colour());
        }
        ArrayNode castArray = root.putArray("cast");
        for (CastMember c : p.cast()) {
            ObjectNode o = castArray.addObject();
            o.put("id", c.id().toString());
            o.put("performer", c.performer());
            o.put("character", c.character());
            o.put("deceased", c.deceased());
        }
        ArrayNode sceneArray = root.putArray("scenes");
        for (Scene s : p.scenes()) sceneArray.add(ProjectJson.scene(s).put("heading", s.heading()));
        ArrayNode shotArray = root.putArray("shots");
        for (Shot s : p.shots()) shotArray.add(ProjectJson.shot(s).put("fingerprint", p.fingerprints().getOrDefault(s.id(), "")));
        ArrayNode flagArray = root.putArray("flags");
        for (FlagInfo f : p.flags()) {
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
        if (p.seal() != null) root.set("seal", p.seal().toJson());
        return root;
    }

    /**
     * Reads and checks a package file: its format, version, size, ids, the references between its parts, the
     * producer's signature (required from schema 2 on; whether the key is the one trusted for the production is
     * {@link ProducerTrust}'s question), and that every shot's fingerprint is the fingerprint of the content shown.
     */
    static SharePackage read(Path file) throws ExchangeException {
        String name = file.getFileName().toString();
        ObjectNode json = JsonFiles.read(file, "a Clearframe share package", SharePackage.FORMAT, SharePackage.SCHEMA_VERSION,
                SharePackage.MAX_BYTES);
        return fromJson(json, name);
    }

    static SharePackage fromJson(ObjectNode json, String name) throws ExchangeException {
        JsonIn root = JsonIn.root(json, name);
        int version = root.integer("schemaVersion");
        PackageSeal seal = readSeal(root, json, version, name);
        Production production = ProjectJson.readProduction(root.object("production"));
        Audience audience = readAudience(root.object("audience"));
        JsonIn pol = root.object("policy");
        List<RuleInfo> rules = new ArrayList<>();
        for (JsonIn r : root.objects("rules")) rules.add(readRule(r));
        List<Department> departments = new ArrayList<>();
        for (JsonIn d : root.objects("departments")) {
            departments.add(new Department(d.uuid("id"), d.textOr("name"), d.textOr("headName"), "", d.textOr("colour")));
        }
        List<CastMember> cast = new ArrayList<>();
        for (JsonIn c : root.objects("cast")) {
            cast.add(new CastMember(c.uuid("id"), c.textOr("performer"), c.textOr("character"), null, c.boolOr("deceased", false)));
        }
        List<Scene> scenes = new ArrayList<>();
        for (JsonIn s : root.objects("scenes")) scenes.add(readScene(s));
        List<Shot> shots = new ArrayList<>();
        Map<UUID, String> fingerprints = new LinkedHashMap<>();
        for (JsonIn s : root.objects("shots")) {
            Shot shot = readShot(s);
            shots.add(shot);
            // a repeated shot id is refused below, by the id checks, before this map could hide it
            fingerprints.put(shot.id(), s.nonBlank("fingerprint", 200));
        }
        List<FlagInfo> flags = new ArrayList<>();
        for (JsonIn f : root.objects("flags")) flags.add(readFlag(f, audience.roles()));
        SharePackage pkg = new SharePackage(version, root.textOr("appVersion"), root.uuid("packageId"),
                root.instant("createdAt"), production, audience, pol.textOr("name"), pol.textOr("version"), departments, cast, scenes, shots,
                fingerprints, rules, flags, seal);
        checkReferences(pkg, name);
        checkConsistency(pkg, name);
        return pkg;
    }

    /** The producer's seal, verified over the whole file; required from schema 2 on. Null for an unsigned schema 1 package. */
    private static PackageSeal readSeal(JsonIn root, ObjectNode json, int version, String name) throws ExchangeException {
        if (!root.has("seal")) {
            if (version < 2) return null;
            throw new ExchangeException(Problem.UNSIGNED, name + " is not signed by the producer, though its format requires it: it was "
                    + "altered, or not made by Clearframe. Do not review it; ask the producer to send it again.");
        }
        PackageSeal seal = PackageSeal.fromJson(root.object("seal"), json.get("seal"));
        try {
            seal.verify(json, root.uuid("packageId"), root.object("production").uuid("id"), name);
        } catch (IllegalArgumentException unsignable) {
            // Canonical JSON refuses what cannot be signed (a NaN, an unpaired surrogate): such a file was not signed as it is
            throw new ExchangeException(Problem.BAD_SIGNATURE, name + " holds what cannot be signed (" + unsignable.getMessage() + ").");
        }
        return seal;
    }

    private static RuleInfo readRule(JsonIn r) throws ExchangeException {
        List<Source> sources = new ArrayList<>();
        for (JsonIn s : r.objects("sources")) sources.add(new Source(s.textOr("label"), s.textOr("document"), s.textOr("url")));
        return new RuleInfo(r.nonBlank("id", 100), r.textOr("title"), r.textOr("explanation"), r.enumValue("severity", Severity.class),
                r.enumsAsWritten("mustSign", Role.class), sources); // as written: the seal covers their order
    }

    private static Scene readScene(JsonIn s) throws ExchangeException {
        int eighths = s.integer("eighths");
        if (eighths < 0) throw s.invalid("eighths", "cannot be negative.");
        return new Scene(s.uuid("id"), s.textOr("number"), s.enumValue("intExt", IntExt.class), s.textOr("set"),
                s.textOr("timeOfDay"), s.textOr("synopsis"), eighths, s.textOr("storyDay"), s.uuids("castIds"), s.boolOr("omitted", false));
    }

    private static Shot readShot(JsonIn s) throws ExchangeException {
        double duration = s.number("durationSeconds");
        if (!(duration >= 0) || Double.isInfinite(duration)) throw s.invalid("durationSeconds", "must be zero or more seconds.");
        List<AiUse> uses = new ArrayList<>();
        for (JsonIn u : s.objects("aiUses")) uses.add(ProjectJson.readAiUse(u));
        return new Shot(s.uuid("id"), s.uuid("sceneId"), s.textOr("number"), s.textOr("description"),
                s.enumOrNull("size", ShotSize.class), s.textOr("angle"), s.textOr("movement"), s.textOr("lens"),
                duration, s.uuids("departmentIds"), s.textOr("notes"), uses);
    }

    /** A flag asks only for roles the package is for. */
    private static FlagInfo readFlag(JsonIn f, List<Role> audienceRoles) throws ExchangeException {
        List<Need> needs = new ArrayList<>();
        for (JsonIn n : f.objects("signatures")) {
            Role role = n.enumValue("role", Role.class);
            if (!audienceRoles.contains(role)) throw n.invalid("role", "is " + role.name() + ", which this package is not for.");
            needs.add(new Need(role, n.uuidOrNull("subjectId"), n.textOr("subjectName"), n.enumValue("state", SignatureState.class),
                    n.enumOrNull("latestDecision", Decision.class), n.textOr("latestSigner"), n.textOr("latestNote")));
        }
        return new FlagInfo(f.nonBlank("ruleId", 100), f.uuid("shotId"), f.uuid("aiUseId"), f.textOr("reason"), needs);
    }

    /** Whom the package is for. Each rule a constructor would enforce is checked here first, with the field named. */
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
        return readAudience(JsonIn.root(seal.audience(), "the package seal's audience"));
    }

    /** Ids are unique in their table (shared with the project file's reader) and every reference is to a row the package holds. */
    private static void checkReferences(SharePackage p, String name) throws ExchangeException {
        Set<String> ruleIds = IdChecks.unique(name, "rule", p.rules().stream().map(RuleInfo::id).toList());
        Set<UUID> sceneIds = IdChecks.unique(name, "scene", p.scenes().stream().map(Scene::id).toList());
        Set<UUID> shotIds = IdChecks.unique(name, "shot", p.shots().stream().map(Shot::id).toList());
        IdChecks.unique(name, "department", p.departments().stream().map(Department::id).toList());
        IdChecks.unique(name, "cast member", p.cast().stream().map(CastMember::id).toList());
        IdChecks.unique(name, "AI use", p.shots().stream().flatMap(s -> s.aiUses().stream()).map(AiUse::id).toList());
        for (Shot s : p.shots()) IdChecks.known(name, sceneIds, s.sceneId(), "shot " + s.number() + " belongs to scene");
        for (FlagInfo f : p.flags()) {
            IdChecks.known(name, shotIds, f.shotId(), "a flag is for shot");
            IdChecks.known(name, ruleIds, f.ruleId(), "a flag is raised by rule");
        }
    }

    /**
     * What the head reads must agree with itself, signed or not: each shot's fingerprint is the fingerprint of the
     * shot as shown, each flag's AI use is on its shot, each person slot names a performer of that AI use under the
     * name the cast list shows, and a performer's package asks only for that performer. An unsigned (schema 1)
     * package passes only these checks, so an old format cannot carry a claim that the content does not back.
     */
    private static void checkConsistency(SharePackage p, String name) throws ExchangeException {
        Map<UUID, CastMember> castById = new HashMap<>();
        p.cast().forEach(c -> castById.put(c.id(), c));
        Map<UUID, Shot> shotsById = new HashMap<>();
        p.shots().forEach(s -> shotsById.put(s.id(), s));
        for (Shot s : p.shots()) {
            if (!Fingerprint.of(s).equals(p.fingerprints().get(s.id()))) {
                throw new ExchangeException(Problem.INVALID, name + ": shot " + p.shotLabel(s.id()) + " does not match its fingerprint, so what "
                        + "the package shows is not what it was made from. It was altered; do not review it.");
            }
        }
        Person performer = p.audience().performer();
        if (performer != null) {
            CastMember who = castById.get(performer.id());
            if (who == null || !Names.same(who.performer(), performer.name())) {
                throw new ExchangeException(Problem.INVALID, name + ": the performer the package is for is not in its cast list under that name.");
            }
        }
        for (FlagInfo f : p.flags()) {
            Shot shot = shotsById.get(f.shotId()); // known: checkReferences ran first
            AiUse use = shot.aiUses().stream().filter(u -> u.id().equals(f.aiUseId())).findFirst()
                    .orElseThrow(() -> new ExchangeException(Problem.UNKNOWN_ID, name + ": a flag is for AI use " + f.aiUseId()
                            + ", which is not on shot " + p.shotLabel(f.shotId()) + "."));
            for (Need n : f.signatures()) {
                if (n.subjectId() == null) continue;
                if (!n.role().perPerson()) {
                    throw new ExchangeException(Problem.INVALID, name + ": " + n.role().label() + " does not sign per performer.");
                }
                CastMember who = castById.get(n.subjectId());
                if (!use.performerIds().contains(n.subjectId()) || who == null || !who.performer().equals(n.subjectName())) {
                    throw new ExchangeException(Problem.INVALID, name + ": a signature on shot " + p.shotLabel(f.shotId()) + " names performer "
                            + n.subjectId() + " as \"" + JsonIn.abbreviate(n.subjectName()) + "\", which the shot and cast list do not back.");
                }
                if (performer != null && !performer.id().equals(n.subjectId())) {
                    throw new ExchangeException(Problem.INVALID, name + ": the package is for " + performer.name()
                            + " but asks for another performer's consent.");
                }
            }
        }
    }
}
