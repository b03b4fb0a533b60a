package org.clearframe.exchange;

import org.clearframe.model.AiUse;
import org.clearframe.model.CastMember;
import org.clearframe.model.Decision;
import org.clearframe.model.ProductionData;
import org.clearframe.model.Scene;
import org.clearframe.model.Shot;
import org.clearframe.model.SignOff;
import org.clearframe.rules.Fingerprint;
import org.clearframe.rules.Policies;
import org.clearframe.rules.Policy;
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
        /** The shot changed after the head read the package: recorded as history with the old fingerprint, shown as stale. */
        STALE("Stale: the shot changed after it was shared");

        private final String label;
        Kind(String label) { this.label = label; }
        public String label() { return label; }
    }

    /** One decision of the reply, what it will do, and the sign-off it becomes. */
    public record Item(Kind kind, Reply.Entry entry, SignOff signOff, String shotLabel) {
        public String describe() {
            String who = entry.role().label();
            String note = entry.note().isBlank() ? "" : " (" + entry.note() + ")";
            return "Shot " + shotLabel + ", " + entry.ruleId() + ", " + who + ": " + entry.decision().label() + note;
        }
    }

    /** What applying the reply will do, before anything is written. */
    public record Preview(Reply reply, String keyFingerprint, TrustStore.Check keyCheck, String pinnedFingerprint, List<Item> items) {
        public Preview {
            items = List.copyOf(items);
            pinnedFingerprint = pinnedFingerprint == null ? "" : pinnedFingerprint;
        }

        public List<Item> of(Kind kind) {
            return items.stream().filter(i -> i.kind() == kind).toList();
        }

        public List<Item> newSignOffs() { return of(Kind.NEW); }
        public List<Item> declined() { return of(Kind.DECLINED); }
        public List<Item> alreadySigned() { return of(Kind.ALREADY_SIGNED); }
        public List<Item> stale() { return of(Kind.STALE); }

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
        for (org.clearframe.model.Role role : reply.signer().roles()) {
            // A head answers for their own department's roles only: a VFX reply cannot carry studio legal's approval.
            if (!role.department().equalsIgnoreCase(reply.signer().department())) {
                throw new ExchangeException(Problem.INVALID, "This reply from " + reply.signer().name() + " (" + reply.signer().department()
                        + ") claims to sign as " + role.label() + ", a role of " + role.department() + ". Nothing was imported.");
            }
        }
        checkIds(data, reply);
        PublicKey key = KeyRing.decodePublicKey(reply.publicKey());
        String fingerprint = KeyRing.fingerprint(key);
        Reply.Signer who = reply.signer();
        TrustStore.Check check = trust.check(who.name(), who.department(), key);
        String pinned = trust.pinned(who.name(), who.department()).map(TrustStore.Pin::fingerprint).orElse("");
        if (check == TrustStore.Check.CHANGED && !repin) {
            throw new ExchangeException(Problem.KEY_CHANGED, "WARNING: this reply says it is from " + who.name() + " (" + who.department()
                    + "), but it is signed with a different key (" + fingerprint + ") from the one pinned for them (" + pinned + "). "
                    + "It may be forged, or " + who.name() + " may have moved to a new computer. Call them and compare the fingerprint "
                    + fingerprint + "; only if they confirm it, import again choosing to re-pin their key. Nothing was imported.");
        }
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Set<UUID> existing = new HashSet<>();
        data.signOffs().forEach(s -> existing.add(s.id()));
        List<Item> items = new ArrayList<>();
        for (Reply.Entry e : reply.decisions()) {
            Shot shot = shots.get(e.shotId());
            SignOff signOff = new SignOff(reply.signOffId(e), e.shotId(), e.ruleId(), e.role(), e.subjectId(), who.name(), e.decision(),
                    e.note(), e.signedAt(), e.fingerprint());
            Kind kind;
            if (existing.contains(signOff.id()) || sameAsLatest(data.signOffs(), signOff)) kind = Kind.ALREADY_SIGNED;
            else if (!e.fingerprint().equals(Fingerprint.of(shot))) kind = Kind.STALE;
            else if (e.decision() == Decision.DECLINED) kind = Kind.DECLINED;
            else kind = Kind.NEW;
            items.add(new Item(kind, e, signOff, label(data, shot)));
        }
        return new Preview(reply, fingerprint, check, pinned, items);
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
        Preview preview = preview(data, reply);
        try {
            // The reply's bytes are kept once, with a proof per sign-off it records (see SignedRecord).
            ReplyEvidence.record(store, reply, fileBytes, preview.keyFingerprint(), preview.toRecord());
        } catch (StoreException e) {
            throw new ExchangeException(Problem.IO, e.getMessage() + " Nothing was imported.", e);
        }
        if (preview.keyCheck() != TrustStore.Check.MATCHES) {
            trust.pin(reply.signer().name(), reply.signer().department(), KeyRing.decodePublicKey(reply.publicKey()));
        }
        return preview;
    }

    /** A decision identical to the newest one recorded for its slot adds nothing but a duplicate line of history. */
    private static boolean sameAsLatest(List<SignOff> all, SignOff s) {
        Optional<SignOff> latest = all.stream().filter(s::sameSlot).reduce((a, b) -> b.signedAt().isBefore(a.signedAt()) ? a : b);
        return latest.filter(l -> l.decision() == s.decision() && l.note().equals(s.note()) && l.fingerprint().equals(s.fingerprint())
                && l.signer().equals(s.signer())).isPresent();
    }

    /** Every shot, performer and rule the reply names must exist here; all unknown ones are listed at once. */
    private static void checkIds(ProductionData data, Reply reply) throws ExchangeException {
        Map<UUID, Shot> shots = ProductionData.index(data.shots(), Shot::id);
        Set<UUID> cast = new HashSet<>();
        data.cast().stream().map(CastMember::id).forEach(cast::add);
        Policy policy = Policies.inForce(data);
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
