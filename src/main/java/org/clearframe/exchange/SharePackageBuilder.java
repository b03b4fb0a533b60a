package org.clearframe.exchange;

import org.clearframe.AppInfo;
import org.clearframe.exchange.SharePackage.Audience;
import org.clearframe.exchange.SharePackage.FlagInfo;
import org.clearframe.exchange.SharePackage.Need;
import org.clearframe.exchange.SharePackage.Person;
import org.clearframe.exchange.SharePackage.Representative;
import org.clearframe.exchange.SharePackage.RuleInfo;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
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
import org.clearframe.rules.Flag;
import org.clearframe.rules.Names;
import org.clearframe.rules.Policy;
import org.clearframe.rules.RequiredSignature;
import org.clearframe.rules.Rule;
import org.clearframe.rules.SigningDepartments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * Makes a {@link SharePackage} from the production: whom it is for (a department, a role or a performer, found the
 * way {@link SigningDepartments} and {@link Names} compare names) and what goes in it, from the production's
 * {@link Assessment}. The package comes out unsealed; {@link SharePackage#sealedWith} signs it.
 */
public final class SharePackageBuilder {

    private SharePackageBuilder() {}

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
                        .map(SharePackageBuilder::need).toList();
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
        return new SharePackage(SharePackage.SCHEMA_VERSION, AppInfo.version(), UUID.randomUUID(), Instant.now(), header, audience, policy.name(),
                policy.version(), departments, cast, scenes, shots, fingerprints, rules, flags, null);
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
}
