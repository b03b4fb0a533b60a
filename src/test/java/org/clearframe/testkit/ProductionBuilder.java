package org.clearframe.testkit;

import org.clearframe.exchange.Attestations;
import org.clearframe.exchange.KeyRing;
import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Consent;
import org.clearframe.model.Decision;
import org.clearframe.model.Department;
import org.clearframe.model.Factor;
import org.clearframe.model.IntExt;
import org.clearframe.model.Material;
import org.clearframe.model.Output;
import org.clearframe.model.Production;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Role;
import org.clearframe.model.Scan;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.model.Technique;
import org.clearframe.model.Tristate;
import org.clearframe.rules.Fingerprint;
import org.clearframe.store.ProductionStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one way tests build a production: departments, cast, scenes, shots with their AI uses, sign-offs in the state
 * a test needs (current, stale, declined), scans, consents and a policy; then either the {@link #data()} in memory or
 * a real {@code .clearframe} file written through the store ({@link #write}).
 *
 * <pre>{@code
 * Path file = ProductionBuilder.titled("Tidewater")
 *         .cast(zoe)
 *         .scene("12A", IntExt.EXT, "HARBOUR", "NIGHT", zoe)
 *         .shot("1", "Elena at twenty", use(Technique.DE_AGING).fin().on(zoe).department("VFX"))
 *         .signOff("DEAGE-PERFORMER", Role.VFX_SUPERVISOR, "Kofi Mensah", Decision.APPROVED)
 *         .staleSignOff("DEAGE-PERFORMER", Role.DIRECTOR, "Zoë Niño", Decision.APPROVED)
 *         .write(dir.resolve("tidewater.clearframe"));
 * }</pre>
 *
 * Shots go into the scene added last; sign-offs and {@link #with} apply to the shot added last. A sign-off's
 * fingerprint is taken from the shot as finally built, so a "current" one stays current whatever is added to the
 * shot later and a "stale" one is stale however the shot ends up. Written sign-offs carry the producer's
 * attestation (by the key in {@code clearframe.config}, the test key folder), so they count when the file is read,
 * unless {@link #unproven()} asks for bare rows, as a file edited outside Clearframe would hold.
 */
public final class ProductionBuilder {

    /** When sign-offs are dated unless a test says otherwise: fixed, so runs compare alike. */
    public static final Instant SIGNED_AT = Instant.parse("2026-11-01T10:00:00Z");

    private Production production;
    private List<Department> departments = new ArrayList<>(Department.defaults());
    private final List<CastMember> cast = new ArrayList<>();
    private final List<Scene> scenes = new ArrayList<>();
    /** By id, in the order added; a shot edited later keeps its place. */
    private final Map<UUID, Shot> shots = new LinkedHashMap<>();
    private final List<PlannedSignOff> signOffs = new ArrayList<>();
    private final List<Scan> scans = new ArrayList<>();
    private final List<Consent> consents = new ArrayList<>();
    private String policyJson = "";
    /** Where the policy says it came from; null: as an imported file records it. */
    private String policySource;
    private boolean proven = true;
    /** Whose key attests the sign-offs; null: this user's (the test key folder). */
    private KeyRing attester;
    private Scene lastScene;
    private UUID lastShot;

    private ProductionBuilder(Production production) {
        this.production = production;
    }

    public static ProductionBuilder titled(String title) {
        return new ProductionBuilder(Production.titled(title));
    }

    /** Starts from a given production row (its id, studio, dates). */
    public static ProductionBuilder of(Production production) {
        return new ProductionBuilder(production);
    }

    /** Starts from a whole production (a generated one, or one read back), to add to it or write it as it is. */
    public static ProductionBuilder from(ProductionData data) {
        ProductionBuilder b = new ProductionBuilder(data.production()).departments(data.departments());
        b.cast.addAll(data.cast());
        data.scenes().forEach(b::scene);
        data.shots().forEach(b::shot);
        b.signOffs(data.signOffs().toArray(SignOff[]::new));
        b.scans.addAll(data.scans());
        b.consents.addAll(data.consents());
        b.policyJson = data.policyJson();
        return b;
    }

    /** An AI use to put in a shot: {@code use(DE_AGING).fin().on(zoe).department("VFX")}. */
    public static Use use(Technique technique) {
        return new Use(technique);
    }

    // ------------------------------------------------------------------------------------ departments and cast

    /** Replaces the departments (the defaults otherwise). */
    public ProductionBuilder departments(List<Department> replacing) {
        departments = new ArrayList<>(replacing);
        return this;
    }

    /** Gives department {@code name} a head (and so a person to sign for it). */
    public ProductionBuilder head(String department, String headName, String email) {
        Department d = department(department);
        departments.set(departments.indexOf(d), new Department(d.id(), d.name(), headName, email, d.colour()));
        return this;
    }

    /** The department called {@code name}, or the one whose name starts with it ("Costume" for "Costume / Wardrobe"). */
    public Department department(String name) {
        return departments.stream().filter(d -> d.name().equals(name)).findFirst()
                .or(() -> departments.stream().filter(d -> d.name().startsWith(name)).findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no department " + name));
    }

    public ProductionBuilder cast(CastMember... members) {
        cast.addAll(List.of(members));
        return this;
    }

    public ProductionBuilder scans(Scan... added) {
        scans.addAll(List.of(added));
        return this;
    }

    public ProductionBuilder consents(Consent... added) {
        consents.addAll(List.of(added));
        return this;
    }

    /** The studio policy in force, as JSON (the built-in default otherwise), recorded as imported with the file. */
    public ProductionBuilder policy(String json) {
        policyJson = json;
        policySource = null;
        return this;
    }

    /** The studio policy in force, recorded as loaded from {@code source} (as {@code ProductionStore.setPolicy} keeps it). */
    public ProductionBuilder policy(String source, String json) {
        policyJson = json;
        policySource = source;
        return this;
    }

    // ------------------------------------------------------------------------------------ scenes and shots

    /** Adds a scene; the shots added next go into it. */
    public ProductionBuilder scene(Scene scene) {
        scenes.add(scene);
        lastScene = scene;
        return this;
    }

    /** Adds a scene with these cast members in it. */
    public ProductionBuilder scene(String number, IntExt intExt, String set, String timeOfDay, CastMember... inIt) {
        Scene s = Scene.numbered(number, intExt, set, timeOfDay);
        return scene(new Scene(s.id(), number, intExt, set, timeOfDay, "", 0, "", Arrays.stream(inIt).map(CastMember::id).toList(), false));
    }

    /** The scene added last (for a test that needs its id). */
    public Scene lastScene() {
        return requireScene();
    }

    /** Adds a shot as it is (its scene must be one added here). */
    public ProductionBuilder shot(Shot shot) {
        shots.put(shot.id(), shot);
        lastShot = shot.id();
        return this;
    }

    /** Adds a shot to the scene added last, with these AI uses. */
    public ProductionBuilder shot(String number, String description, Use... uses) {
        List<AiUse> built = new ArrayList<>();
        for (Use u : uses) built.add(u.build(this::departmentId));
        return shot(Shot.numbered(requireScene().id(), number, description).withAiUses(built));
    }

    /** Edits the shot added last: {@code with(s -> s.size(ShotSize.WIDE).lens("35mm"))}. */
    public ProductionBuilder with(UnaryOperator<Shot.Builder> edit) {
        Shot s = lastShot();
        shots.put(s.id(), edit.apply(s.edit()).build());
        return this;
    }

    /** Puts the shot added last in these departments (by name). */
    public ProductionBuilder inDepartments(String... names) {
        List<UUID> ids = Arrays.stream(names).map(this::departmentId).toList();
        return with(s -> s.departmentIds(ids));
    }

    /** The shot added last, as it stands now. */
    public Shot lastShot() {
        if (lastShot == null) throw new IllegalStateException("add a shot first");
        return shots.get(lastShot);
    }

    // ------------------------------------------------------------------------------------ sign-offs

    /** A sign-off on the shot added last, on the shot as built (so it is current), dated {@link #SIGNED_AT}. */
    public ProductionBuilder signOff(String ruleId, Role role, String signer, Decision decision) {
        return signOff(ruleId, role, null, signer, decision, "", SIGNED_AT, false);
    }

    /** A sign-off for a person's own part ({@code subject}), on the shot added last, current. */
    public ProductionBuilder signOff(String ruleId, Role role, CastMember subject, String signer, Decision decision, String note) {
        return signOff(ruleId, role, subject, signer, decision, note, SIGNED_AT, false);
    }

    /** A sign-off given before the shot's plan changed: its fingerprint is not the shot's, so it is stale. */
    public ProductionBuilder staleSignOff(String ruleId, Role role, String signer, Decision decision) {
        return signOff(ruleId, role, null, signer, decision, "", SIGNED_AT, true);
    }

    /** Any sign-off on the shot added last: {@code stale} ones were given on an earlier plan of it. */
    public ProductionBuilder signOff(String ruleId, Role role, CastMember subject, String signer, Decision decision, String note,
                                     Instant at, boolean stale) {
        signOffs.add(new PlannedSignOff(UUID.randomUUID(), lastShot().id(), ruleId, role, subject, signer, decision, note, at, stale, null));
        return this;
    }

    /** Sign-offs exactly as given (their fingerprints as they are). */
    public ProductionBuilder signOffs(SignOff... given) {
        for (SignOff s : given) signOffs.add(new PlannedSignOff(s.id(), s.shotId(), null, null, null, null, null, null, null, false, s));
        return this;
    }

    /** Writes sign-offs as bare rows without a proof, as a file edited outside Clearframe would hold them: they do not count. */
    public ProductionBuilder unproven() {
        proven = false;
        return this;
    }

    /** Attests the sign-offs with {@code keys} instead of this user's key (a sample producer's, a colleague's). */
    public ProductionBuilder attestedWith(KeyRing keys) {
        attester = keys;
        return this;
    }

    // ------------------------------------------------------------------------------------ results

    /** The production in memory, with every sign-off (proven or not: nothing here checks proofs). */
    public ProductionData data() {
        List<SignOff> built = new ArrayList<>();
        for (PlannedSignOff p : signOffs) built.add(p.build(shots));
        return new ProductionData(production, departments, cast, scenes, List.copyOf(shots.values()), built, policyJson, scans, consents);
    }

    /** Writes the production to the new file {@code file} through the store, and returns the path. */
    public Path write(Path file) throws Exception {
        ProductionData data = data();
        boolean attest = proven && !data.signOffs().isEmpty();
        ProductionData first = attest ? data.withSignOffs(List.of()) : data;
        if (policySource != null) first = new ProductionData(first.production(), first.departments(), first.cast(), first.scenes(),
                first.shots(), first.signOffs(), "", first.scans(), first.consents());
        ProductionStore.createFrom(file, first);
        if (!attest && policySource == null) return file;
        try (ProductionStore store = ProductionStore.open(file)) {
            if (policySource != null) store.setPolicy(policySource, policyJson);
            if (attest) Attestations.record(store, data.production().id(), data.signOffs(), attester == null ? KeyRing.forUser() : attester);
        }
        return file;
    }

    /** Writes the production and opens it for editing. */
    public ProductionStore open(Path file) throws Exception {
        return ProductionStore.open(write(file));
    }

    private UUID departmentId(String name) {
        return department(name).id();
    }

    private Scene requireScene() {
        if (lastScene == null) throw new IllegalStateException("add a scene first");
        return lastScene;
    }

    /** A sign-off whose fingerprint is taken when the production is built, from the shot as it then is. */
    private record PlannedSignOff(UUID id, UUID shotId, String ruleId, Role role, CastMember subject, String signer, Decision decision,
                                  String note, Instant at, boolean stale, SignOff given) {
        SignOff build(Map<UUID, Shot> shots) {
            if (given != null) return given;
            Shot shot = shots.get(shotId);
            String fingerprint = Fingerprint.of(stale ? shot.edit().description(shot.description() + " (as first planned)").build() : shot);
            return new SignOff(id, shotId, ruleId, role, subject == null ? null : subject.id(), signer, decision, note, at, fingerprint,
                    subject == null ? "" : subject.performer());
        }
    }

    /** Builds an AI use in one readable line; defaults: temporary output, "Purpose", "Tool X", the vendor does not train. */
    public static final class Use {
        private final UUID id = UUID.randomUUID();
        private final Technique technique;
        private String purpose = "Purpose";
        private String tool = "Tool X";
        private Output output = Output.TEMPORARY;
        private final List<UUID> performers = new ArrayList<>();
        private final List<String> departments = new ArrayList<>();
        private final Set<Material> uploads = EnumSet.noneOf(Material.class);
        private Tristate vendorTrains = Tristate.NO;
        private final Set<Factor> factors = EnumSet.noneOf(Factor.class);
        private String notes = "";
        private Integer frameShare;

        private Use(Technique technique) {
            this.technique = technique;
        }

        public Use purpose(String v) { purpose = v; return this; }
        public Use tool(String v) { tool = v; return this; }
        public Use fin() { output = Output.FINAL; return this; }
        public Use temp() { output = Output.TEMPORARY; return this; }
        public Use on(CastMember... who) { for (CastMember c : who) performers.add(c.id()); return this; }
        /** Departments by name, resolved against the production's (see {@link ProductionBuilder#department}). */
        public Use department(String... names) { departments.addAll(List.of(names)); return this; }
        public Use uploads(Material... m) { uploads.addAll(List.of(m)); return this; }
        public Use vendorTrains(Tristate t) { vendorTrains = t; return this; }
        public Use with(Factor... f) { factors.addAll(List.of(f)); return this; }
        public Use notes(String v) { notes = v; return this; }
        public Use frameShare(Integer percent) { frameShare = percent; return this; }

        /** The use, for a test without a production to name departments from. */
        public AiUse build() {
            if (!departments.isEmpty()) throw new IllegalStateException("departments are named through a ProductionBuilder");
            return build(name -> null);
        }

        AiUse build(Function<String, UUID> departmentIds) {
            return new AiUse(id, technique, purpose, tool, output, performers, departments.stream().map(departmentIds).toList(), uploads,
                    vendorTrains, factors, notes).withFrameShare(frameShare);
        }
    }
}
