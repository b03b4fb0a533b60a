package org.clearframe.exchange;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Assessment;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Names;
import org.clearframe.rules.Policy;
import org.clearframe.rules.SigningDepartments;
import org.clearframe.store.ProductionStore;
import org.clearframe.store.StoreException;

import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * Merges a department head's {@link Reply} into the production: verify, show what it will do, then apply it in
 * one transaction.
 *
 * <p>Keys are trusted on first use. The first reply from a head (name and department) pins its key in the
 * {@link TrustStore}; the preview shows the key's short fingerprint so the producer can compare it with the head
 * by phone. A later reply for that head signed by another key is refused, not merely warned about: a warning that
 * still imports would let a forged reply in with one careless click. The producer re-pins on purpose
 * ({@link #repinning()}, or {@code import-reply --repin}) once the head has confirmed the new fingerprint.
 *
 * <p>Names are compared as {@link Names} does. A key pinned for one head that signs as another, and a new name
 * that only looks like a pinned one, are refused like a changed key, until the producer re-pins on purpose.
 *
 * <p>Nothing in the reply is taken on its word: each decision's fingerprint is compared with the fingerprint of the
 * shot as it is in the production now (a mismatch is stale, never current), a performer's consent must come from
 * that performer (or the representative the producer named in a sealed package), one reply speaks for one
 * performer, and a reply carrying a package seal must answer a package this producer signed with their own key.
 *
 * <p>Each decision becomes a sign-off whose id is derived from the reply id and the slot it answers, so importing
 * the same reply again finds every one already recorded and changes nothing.
 */
public final class ReplyImport {

    /** What one decision of a reply does to the production. */
    public enum Kind {
        /** An approval (with or without conditions) recorded as valid. */
        NEW("New sign-off"),
        /** A decline, recorded: the flag stays open and shows as declined. */
        DECLINED("Declined"),
        /** This decision is already recorded (the reply was imported before, or the same answer came twice): skipped. */
        ALREADY_SIGNED("Already signed"),
        /**
         * The reply's fingerprint is not the shot's now (the plan changed after the head read it, or the package they read
         * was not the real plan), or the performer was recast: recorded as history, shown as stale.
         */
        STALE("Stale: the shot or performer differs from what was signed"),
        /** A newer decision is already recorded for this question: recorded as history only, changing nothing. */
        OLDER("Older than the decision on record: kept as history only");

        private final String label;
        Kind(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** One decision of the reply, what it will do, and the sign-off it becomes. */
    public record Item(Kind kind, Reply.Entry entry, SignOff signOff, String shotLabel) {
        public String describe() {
            String who = entry.subjectId() == null ? entry.role().label() : entry.role().label() + ": "
                    + (signOff.subjectName().isBlank() ? entry.subjectId().toString() : signOff.subjectName());
            String note = entry.note().isBlank() ? "" : " (" + entry.note() + ")";
            return "Shot " + shotLabel + ", " + entry.ruleId() + ", " + who + ": " + entry.decision().label() + note;
        }
    }

    /** What applying the reply will do, before anything is written. */
    public record Preview(Reply reply, String keyFingerprint, TrustStore.Check keyCheck, String pinnedFingerprint, List<Item> items,
                          List<String> warnings) {
        public Preview {
            items = List.copyOf(items);
            pinnedFingerprint = pinnedFingerprint == null ? "" : pinnedFingerprint;
            warnings = List.copyOf(warnings);
        }

        public List<Item> of(Kind kind) {
            return items.stream().filter(i -> i.kind() == kind).toList();
        }

        public List<Item> newSignOffs() { return of(Kind.NEW); }
        public List<Item> declined() { return of(Kind.DECLINED); }
        public List<Item> alreadySigned() { return of(Kind.ALREADY_SIGNED); }
        public List<Item> stale() { return of(Kind.STALE); }
        public List<Item> older() { return of(Kind.OLDER); }

        /** The sign-offs applying will add: everything except what is already recorded. */
        public List<SignOff> toRecord() {
            return items.stream().filter(i -> i.kind() != Kind.ALREADY_SIGNED).map(Item::signOff).toList();
        }

        public boolean changesNothing() {
            return toRecord().isEmpty() && keyCheck == TrustStore.Check.MATCHES;
        }

        /** "Dana Reyes (VFX)". */
        public String signer() {
            return reply.signer().name() + " (" + reply.signer().department() + ")";
        }

        /** The key line the producer reads out to the head. */
        public String keyLine() {
            return switch (keyCheck) {
                case NEW -> "First reply from " + signer() + ". Their key fingerprint is " + keyFingerprint
                        + ": compare it with them by phone. Importing pins this key for them.";
                case MATCHES -> "Signed by " + signer() + " with their known key " + keyFingerprint + ".";
                case CHANGED -> "RE-PINNING: " + signer() + " now signs with key " + keyFingerprint + " instead of " + pinnedFingerprint + ".";
                case KEY_OF_ANOTHER_HEAD -> "RE-PINNING: key " + keyFingerprint + ", pinned for another head, will also speak for " + signer() + ".";
                case LOOKS_LIKE_ANOTHER -> "RE-PINNING: " + signer() + " is pinned as a new head although the name looks like a known one; key "
                        + keyFingerprint + ".";
            };
        }
    }

    private final TrustStore trust;
    private final boolean repin;

    public ReplyImport(TrustStore trust) {
        this(trust, false);
    }

    private ReplyImport(TrustStore trust, boolean repin) {
        this.trust = Objects.requireNonNull(trust, "trust");
        this.repin = repin;
    }

    /** The same import, but accepting a new key for a known head and pinning it in place of the old one. */
    public ReplyImport repinning() {
        return new ReplyImport(trust, true);
    }

    /** Reads and verifies a reply file (see {@link ReplyVerifier#read}). */
    public Reply read(Path file) throws ExchangeException {
        return ReplyVerifier.read(file);
    }

    /** What {@code reply} would do to {@code data}. Refuses a reply that is unsigned, foreign, untrusted or names unknown ids. */
    public Preview preview(ProductionData data, Reply reply) throws ExchangeException {
        ReplyVerifier.verify(reply);
        UUID here = data.production().id();
        if (!reply.productionId().equals(here)) {
            throw new ExchangeException(Problem.WRONG_PRODUCTION, "This reply is for another production (\"" + reply.productionTitle() + "\", "
                    + reply.productionId() + "), not for \"" + data.production().title() + "\". It was answered from a package of that "
                    + "production. Nothing was imported.");
        }
        Reply.Signer who = reply.signer();
        for (String[] field : new String[][]{{"name", who.name()}, {"department", who.department()}}) {
            Optional<String> bad = Names.problem(field[1]);
            if (bad.isPresent()) throw new ExchangeException(Problem.INVALID, "The signer's " + field[0] + " " + bad.get() + ". Nothing was imported.");
        }
        for (org.clearframe.model.Role role : who.roles()) {
            // A head answers for their own department's roles only: a VFX reply cannot carry studio legal's approval.
            if (!SigningDepartments.signsFor(who.department(), role)) {
                throw new ExchangeException(Problem.INVALID, "This reply from " + who.name() + " (" + who.department()
                        + ") claims to sign as " + role.label() + ", a role of " + role.department() + ". Nothing was imported.");
            }
        }
        checkIds(data, reply);
        List<String> warnings = new ArrayList<>();
        SharePackage.Audience sealed = checkSeal(reply, warnings);
        Map<UUID, String> signedNames = checkPerson(data, reply, sealed);
        PublicKey key = KeyRing.decodePublicKey(reply.publicKey());
        String fingerprint = KeyRing.fingerprint(key);
        TrustStore.Check check = trust.check(who.name(), who.department(), key);
        String pinned = trust.pinned(who.name(), who.department()).map(TrustStore.Pin::fingerprint).orElse("");
        for (TrustStore.Pin p : trust.lookAlikes(who.name())) {
            warnings.add("LOOK-ALIKE NAME: \"" + who.name() + "\" looks like \"" + p.name() + "\" (" + p.department() + ", key " + p.fingerprint()
                    + ") but is not the same name.");
        }
        if (!repin) refuseUntrusted(check, who, fingerprint, pinned, key);
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Map<UUID, CastMember> cast = ProductionData.index(data.cast(), CastMember::id);
        Set<UUID> existing = new HashSet<>();
        data.signOffs().forEach(s -> existing.add(s.id()));
        List<Item> items = new ArrayList<>();
        for (Reply.Entry e : reply.decisions()) {
            Shot shot = shots.get(e.shotId());
            String signedName = e.subjectId() == null ? "" : signedNames.get(e.subjectId());
            SignOff signOff = new SignOff(reply.signOffId(e), e.shotId(), e.ruleId(), e.role(), e.subjectId(), who.name(), e.decision(),
                    e.note(), e.signedAt(), e.fingerprint(), signedName);
            String nowName = e.subjectId() == null ? "" : Optional.ofNullable(cast.get(e.subjectId())).map(CastMember::performer).orElse("");
            Kind kind;
            if (existing.contains(signOff.id()) || sameAsLatest(data.signOffs(), signOff)) kind = Kind.ALREADY_SIGNED;
            else if (newerOnRecord(data.signOffs(), signOff)) kind = Kind.OLDER;
            else if (!e.fingerprint().equals(Fingerprint.of(shot))) kind = Kind.STALE;
            else if (e.subjectId() != null && !Names.same(signedName, nowName)) kind = Kind.STALE;
            else if (e.decision() == Decision.DECLINED) kind = Kind.DECLINED;
            else kind = Kind.NEW;
            items.add(new Item(kind, e, signOff, label(data, shot)));
        }
        return new Preview(reply, fingerprint, check, pinned, items, warnings);
    }

    private static void refuseUntrusted(TrustStore.Check check, Reply.Signer who, String fingerprint, String pinned, PublicKey key)
            throws ExchangeException {
        String call = " Call them and compare the fingerprint " + fingerprint + "; only if they confirm it, import again choosing to re-pin. "
                + "Nothing was imported.";
        switch (check) {
            case CHANGED -> throw new ExchangeException(Problem.KEY_CHANGED, "WARNING: this reply says it is from " + who.name() + " ("
                    + who.department() + "), but it is signed with a different key (" + fingerprint + ") from the one pinned for them (" + pinned
                    + "). It may be forged, or " + who.name() + " may have moved to a new computer." + call);
            case KEY_OF_ANOTHER_HEAD -> throw new ExchangeException(Problem.KEY_CHANGED, "WARNING: this reply says it is from " + who.name()
                    + " (" + who.department() + "), a head not known yet, but its key " + fingerprint + " is already pinned for someone else. "
                    + "One key speaks for one person: someone may be signing under another name or for another department." + call);
            case LOOKS_LIKE_ANOTHER -> throw new ExchangeException(Problem.KEY_CHANGED, "WARNING: this reply is from \"" + who.name() + "\" ("
                    + who.department() + "), a name not known yet that looks like a head already pinned, signed with a new key " + fingerprint
                    + ". It may be an impostor using look-alike letters or invisible characters." + call);
            default -> { }
        }
    }

    /**
     * A reply that carries the seal of the package it answers must answer a package this producer signed, with
     * their own key, for this production, for the signer's department and roles. Returns the sealed audience, or
     * null when the reply carries no seal (it answers an unsigned package, and may claim no representative).
     */
    private SharePackage.Audience checkSeal(Reply reply, List<String> warnings) throws ExchangeException {
        PackageSeal seal = reply.packageSeal();
        if (seal == null) {
            warnings.add("This reply answers an unsigned (old-format) package, so it cannot show which package it answers; each decision is "
                    + "checked against the production as it is.");
            return null;
        }
        seal.verifySignature("The package this reply answers");
        KeyRing own = new KeyRing(trust.dir());
        if (!own.exists() || !own.publicKey().equals(seal.publicKey())) {
            throw new ExchangeException(Problem.BAD_SIGNATURE, "This reply answers a package signed with key " + seal.keyFingerprint()
                    + ", which is not your key" + (own.exists() ? " (" + own.fingerprint() + ")" : "") + ": it answers a package you did "
                    + "not make. Nothing was imported.");
        }
        if (!seal.packageId().equals(reply.packageId()) || !seal.productionId().equals(reply.productionId())) {
            throw new ExchangeException(Problem.BAD_SIGNATURE, "This reply carries the seal of another package than the one it says it "
                    + "answers. Nothing was imported.");
        }
        SharePackage.Audience audience = SharePackageJson.audienceFromSeal(seal);
        if (!Names.same(audience.department(), reply.signer().department()) || !audience.roles().containsAll(reply.signer().roles())) {
            throw new ExchangeException(Problem.INVALID, "This reply signs as " + reply.signer().department() + " " + reply.signer().roles()
                    + ", but the package it answers was for " + audience.department() + " " + audience.roles() + ". Nothing was imported.");
        }
        return audience;
    }

    /**
     * A performer's consent comes from that performer: one reply answers for one performer; signed in their own name
     * (compared as {@link Names} does) or, only when the sealed package named a representative, in that
     * representative's name and capacity; an estate alone signs for the deceased. Returns each performer's name as
     * signed, which the sign-off keeps so that recasting makes it stale.
     */
    private static Map<UUID, String> checkPerson(ProductionData data, Reply reply, SharePackage.Audience sealed) throws ExchangeException {
        Reply.Signer who = reply.signer();
        Map<UUID, String> names = new java.util.HashMap<>();
        Set<UUID> subjects = new HashSet<>();
        reply.decisions().stream().filter(e -> e.subjectId() != null).forEach(e -> subjects.add(e.subjectId()));
        if (subjects.isEmpty()) return names;
        if (subjects.size() > 1) {
            throw new ExchangeException(Problem.INVALID, "This reply from " + who.name() + " gives the consent of " + subjects.size()
                    + " different performers. A performer signs only for themselves: one reply, one person. Nothing was imported.");
        }
        UUID subject = subjects.iterator().next();
        if (who.performerId() != null && !who.performerId().equals(subject)) {
            throw new ExchangeException(Problem.INVALID, "This reply is from performer " + who.performerId() + " but signs for " + subject
                    + ". Nothing was imported.");
        }
        String castName = data.cast().stream().filter(c -> c.id().equals(subject)).map(CastMember::performer).findFirst().orElse("");
        SharePackage.Person person = sealed == null ? null : sealed.performer();
        if (person != null && !person.id().equals(subject)) {
            throw new ExchangeException(Problem.INVALID, "This reply signs for a performer the package it answers was not for. Nothing was imported.");
        }
        for (Reply.Entry e : reply.decisions()) {
            if (e.subjectId() == null) continue;
            // Schema 1 replies did not carry the name; theirs is the cast name now, and must then be the signer's own.
            String signedName = reply.schemaVersion() >= 2 ? e.subjectName() : castName;
            if (person != null && !Names.same(signedName, person.name())) {
                throw new ExchangeException(Problem.INVALID, "This reply names the performer \"" + signedName + "\", but the package it answers "
                        + "was for \"" + person.name() + "\". Nothing was imported.");
            }
            String previous = names.putIfAbsent(subject, signedName);
            if (previous != null && !Names.same(previous, signedName)) {
                throw new ExchangeException(Problem.INVALID, "This reply names one performer under two names. Nothing was imported.");
            }
            boolean estateRole = e.role() == org.clearframe.model.Role.RIGHTS_HOLDER;
            if (who.capacity() == Capacity.SELF) {
                if (estateRole || !Names.same(who.name(), signedName)) {
                    throw new ExchangeException(Problem.INVALID, who.name() + " cannot give the consent of " + signedName + " ("
                            + e.role().label() + "): a performer signs only for themselves"
                            + (estateRole ? ", and only the estate named by the producer signs for a deceased performer" : "")
                            + ". Nothing was imported.");
                }
            } else {
                SharePackage.Representative rep = sealed == null ? null : sealed.representative();
                if (rep == null || rep.capacity() != who.capacity() || !Names.same(rep.name(), who.name())) {
                    throw new ExchangeException(Problem.INVALID, who.name() + " signs as " + who.capacity().label() + " for " + signedName
                            + ", but the package it answers does not name them as such. A representative signs only where the producer named "
                            + "them. Nothing was imported.");
                }
                if (estateRole != (rep.capacity() == Capacity.ESTATE)) {
                    throw new ExchangeException(Problem.INVALID, "An estate signs only for a deceased performer, and only the estate does. "
                            + "Nothing was imported.");
                }
            }
        }
        return names;
    }

    /**
     * Applies {@code reply} to the open production in one transaction, from a fresh preview of the production as it
     * is now (it may have changed since the producer looked), and pins the head's key if it was new or re-pinned.
     * Returns what was applied.
     */
    public Preview apply(ProductionStore store, Reply reply) throws ExchangeException {
        return apply(store, reply, null);
    }

    /** As {@link #apply(ProductionStore, Reply)}, keeping {@code fileBytes} (the reply file as received) as its proof. */
    public Preview apply(ProductionStore store, Reply reply, byte[] fileBytes) throws ExchangeException {
        ProductionData data;
        try {
            data = SignedRecord.load(store).data();
        } catch (StoreException e) {
            throw new ExchangeException(Problem.IO, e.getMessage(), e);
        }
        return apply(store, data, reply, fileBytes);
    }

    /**
     * As {@link #apply(ProductionStore, Reply, byte[])}, checked against {@code now}, the production as the file holds
     * it with its proven sign-offs (an open session's own state, so that it need not read the file again).
     */
    public Preview apply(ProductionStore store, ProductionData now, Reply reply, byte[] fileBytes) throws ExchangeException {
        ProductionData data = now;
        Preview preview = preview(data, reply);
        List<UUID> reinstated = new ArrayList<>();
        ExchangeException[] refused = new ExchangeException[1];
        try {
            store.inOneTransaction(() -> {
                try {
                    // The reply's bytes are kept once, with a proof per sign-off it records (see SignedRecord).
                    ReplyEvidence.record(store, reply, fileBytes, preview.keyFingerprint(), preview.toRecord());
                    reinstated.addAll(reinstateUndone(store, data, preview));
                } catch (ExchangeException e) {
                    refused[0] = e;
                    throw new StoreException(e.getMessage(), e);
                }
            });
        } catch (StoreException e) {
            if (refused[0] != null) throw refused[0];
            throw new ExchangeException(Problem.IO, e.getMessage() + " Nothing was imported.", e);
        }
        if (preview.keyCheck() != TrustStore.Check.MATCHES) {
            trust.pin(reply.signer().name(), reply.signer().department(), KeyRing.decodePublicKey(reply.publicKey()));
        }
        if (reinstated.isEmpty()) return preview;
        List<String> warnings = new ArrayList<>(preview.warnings());
        warnings.add(REIMPORTED.formatted(reinstated.size(), reinstated.size() == 1 ? "" : "s"));
        return new Preview(preview.reply(), preview.keyFingerprint(), preview.keyCheck(), preview.pinnedFingerprint(), preview.items(), warnings);
    }

    /** What {@code applied} says when it brought back the sign-offs of an undone import of the same reply, if it did. */
    public static Optional<String> reinstatement(Preview applied) {
        String start = REIMPORTED.substring(0, REIMPORTED.indexOf('%'));
        return applied.warnings().stream().filter(w -> w.startsWith(start)).findFirst();
    }

    /** Said when a reply is imported again after its import was undone. */
    static final String REIMPORTED = "This reply was imported before and the import was undone; importing it again reinstated its %d "
            + "withdrawn sign-off%s (each counts again only by its own proof).";

    /**
     * The same reply imported again after its import was undone: its sign-offs are in the file already, withdrawn. Importing
     * it again (every check above passed again) is the producer asking for them back, so they are reinstated, not refused.
     */
    private static List<UUID> reinstateUndone(ProductionStore store, ProductionData data, Preview preview)
            throws ExchangeException, StoreException {
        List<UUID> ids = preview.toRecord().stream().map(SignOff::id).toList();
        if (ids.isEmpty() || ReplyWithdrawals.standingWithdrawn(store, data.production().id(), ids).isEmpty()) return List.of();
        return ReplyWithdrawals.reinstate(store, data.production().id(), ids, data.production().producer(), KeyRing.forUser().keyPair());
    }

    /** True when a decision newer than {@code s} is already recorded for its question: then {@code s} changes nothing. */
    private static boolean newerOnRecord(List<SignOff> all, SignOff s) {
        return all.stream().anyMatch(o -> o.sameSlot(s) && o.signedAt().isAfter(s.signedAt()));
    }

    /** A decision identical to the newest one recorded for its slot adds nothing but a duplicate line of history. */
    private static boolean sameAsLatest(List<SignOff> all, SignOff s) {
        Optional<SignOff> latest = all.stream().filter(s::sameSlot).reduce((a, b) -> b.signedAt().isBefore(a.signedAt()) ? a : b);
        return latest.filter(l -> l.decision() == s.decision() && l.note().equals(s.note()) && l.fingerprint().equals(s.fingerprint())
                && l.signer().equals(s.signer()) && l.subjectName().equals(s.subjectName())).isPresent();
    }

    /** Every shot, performer and rule the reply names must exist here; all unknown ones are listed at once. */
    private static void checkIds(ProductionData data, Reply reply) throws ExchangeException {
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Set<UUID> cast = new HashSet<>();
        data.cast().stream().map(CastMember::id).forEach(cast::add);
        Policy policy = Assessment.of(data).policy();
        List<String> unknown = new ArrayList<>();
        for (Reply.Entry e : reply.decisions()) {
            Shot shot = shots.get(e.shotId());
            if (shot == null) {
                unknown.add("shot " + e.shotId() + " (deleted since the package was sent?)");
                continue;
            }
            if (policy.rule(e.ruleId()).isEmpty()) unknown.add("rule " + e.ruleId() + " (not in the policy in force, " + policy.name() + ")");
            if (e.subjectId() != null && !cast.contains(e.subjectId())
                    && shot.aiUses().stream().map(AiUse::performerIds).noneMatch(p -> p.contains(e.subjectId()))) {
                unknown.add("performer " + e.subjectId());
            }
        }
        if (!unknown.isEmpty()) {
            List<String> shown = unknown.stream().distinct().limit(10).toList();
            throw new ExchangeException(Problem.UNKNOWN_ID, "The reply names what this production does not have: " + String.join("; ", shown)
                    + (unknown.size() > shown.size() ? "; and more" : "") + ". Nothing was imported.");
        }
    }

    private static String label(ProductionData data, Shot shot) {
        return data.scene(shot.sceneId()).map(Scene::number).orElse("?") + "/" + shot.number();
    }
}
