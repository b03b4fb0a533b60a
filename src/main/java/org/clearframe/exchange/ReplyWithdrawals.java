package org.clearframe.exchange;

import org.clearframe.store.ProductionStore;
import org.clearframe.store.SignOffLog;
import org.clearframe.store.StoreException;
import org.clearframe.store.WithdrawalRepository.Action;
import org.clearframe.store.WithdrawalRepository.StoredWithdrawal;
import org.clearframe.store.WithdrawalRepository.Withdrawals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.clearframe.exchange.ExchangeException.Problem;

/**
 * Undo and redo of a reply import, when sign-offs cannot be deleted: the producer withdraws, with their own key, each
 * sign-off the import added, and redo reinstates them. Both are events in the sign-off log (see
 * {@link org.clearframe.store.WithdrawalRepository}).
 *
 * <p>How the record is read, failing closed: a withdrawal event in the log withdraws its sign-off whatever else is
 * wrong with it (a withdrawal only ever makes fewer sign-offs count, so a hand-made one denies, it cannot grant). A
 * reinstatement is honoured only when its row matches its event, it is for this production, it reverses the very
 * withdrawal event that stands for the sign-off (named by that event's hash, so an old reinstatement replayed after a
 * later withdrawal, or moved before it, reverses nothing), its Ed25519 signature holds, a key the reader trusts made it,
 * and the whole log's hash chain holds. Even then it only lets the sign-off be judged again by its own proof.
 */
public final class ReplyWithdrawals {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private ReplyWithdrawals() {}

    /**
     * A sign-off that stands withdrawn: by which event (its hash), from which reply's import, when and by whom; {@code flaw}
     * says why the withdrawal itself does not hold (it withdraws all the same), null when it does.
     */
    public record Withdrawn(UUID signOffId, UUID replyId, Instant at, String by, String keyFingerprint, String eventHash, String flaw) {

        /** "withdrawn by the producer (Ana Ruiz, key 3F2A-…) on 2026-11-30 18:52 UTC (undo of the reply import)". */
        public String reason() {
            String when = at == null ? "" : " on " + WHEN.format(at);
            if (flaw != null) return "withdrawn" + when + " by a withdrawal that does not hold (" + flaw + "); not counted all the same";
            String who = by.isBlank() ? "key " + keyFingerprint : by + ", key " + keyFingerprint;
            return "withdrawn by the producer (" + who + ")" + when + " (undo of the reply import)";
        }
    }

    /** Which sign-offs stand withdrawn, and every event that did not hold (shown by check). */
    public record Standing(Map<UUID, Withdrawn> withdrawn, List<String> problems) {
        public Standing {
            withdrawn = Map.copyOf(withdrawn);
            problems = List.copyOf(problems);
        }

        public static final Standing NONE = new Standing(Map.of(), List.of());

        public boolean isWithdrawn(UUID signOffId) {
            return withdrawn.containsKey(signOffId);
        }
    }

    /** The standing of every withdrawal in {@code store}'s file, judged with {@code trust}. */
    public static Standing read(ProductionStore store, UUID production, RecordTrust trust) throws StoreException {
        Withdrawals w = store.withdrawals().all();
        if (w.isEmpty()) return Standing.NONE;
        return judge(production, w, trust, () -> {
            try {
                SignOffLog.Log log = store.signOffLog();
                return SignOffLog.verify(log.events(), List.of(), Set.of()).problems();
            } catch (StoreException e) {
                return List.of("the sign-off log could not be read: " + e.getMessage());
            }
        });
    }

    /**
     * Judges {@code w} for {@code production}: walks the log's withdrawal events in order, then the rows that have no
     * event. {@code chainProblems} is asked only when a reinstatement would be honoured.
     */
    static Standing judge(UUID production, Withdrawals w, RecordTrust trust, Supplier<List<String>> chainProblems) {
        Map<Long, StoredWithdrawal> bySeq = new HashMap<>();
        for (StoredWithdrawal row : w.rows()) bySeq.putIfAbsent(row.seq(), row);
        Set<Long> logged = new HashSet<>();
        Map<UUID, Withdrawn> standing = new HashMap<>();
        List<String> problems = new ArrayList<>();
        List<List<String>> chain = new ArrayList<>(1); // asked once, at the first reinstatement that would be honoured
        for (SignOffLog.Event e : w.events()) {
            StoredWithdrawal row = bySeq.get(e.seq());
            boolean matches = row != null && row.signOffId().equals(e.signOffId()) && row.entry().equals(e.entry());
            if (matches) logged.add(e.seq());
            Action action = matches ? row.action() : actionIn(e.entry());
            if (action != Action.REINSTATED) {
                String flaw = matches ? withdrawalFlaw(production, row) : "its record is missing from the file or differs from its event in the log";
                standing.put(e.signOffId(), matches ? withdrawn(row, e.hash(), flaw) : new Withdrawn(e.signOffId(), null, null, "", "", e.hash(), flaw));
                if (flaw != null) problems.add("withdrawal (log event " + e.seq() + ") of sign-off " + e.signOffId() + ": " + flaw);
                continue;
            }
            String refused = matches ? reinstatementFlaw(production, row, standing.get(row.signOffId()), trust)
                    : "its record is missing from the file or differs from its event in the log";
            if (refused == null) {
                if (chain.isEmpty()) chain.add(chainProblems.get());
                if (!chain.get(0).isEmpty()) refused = "the sign-off log's hash chain does not hold, so the order of events cannot be trusted";
            }
            if (refused == null) standing.remove(row.signOffId());
            else problems.add("reinstatement (log event " + e.seq() + ") of sign-off " + e.signOffId() + " is not honoured: " + refused);
        }
        for (StoredWithdrawal row : w.rows()) {
            if (logged.contains(row.seq())) continue;
            if (row.action() == Action.WITHDRAWN) {
                String flaw = "it has no event in the sign-off log";
                standing.putIfAbsent(row.signOffId(), withdrawn(row, "", flaw));
                problems.add("withdrawal " + row.id() + " of sign-off " + row.signOffId() + ": " + flaw);
            } else {
                problems.add("reinstatement " + row.id() + " of sign-off " + row.signOffId() + " is not honoured: it has no event in the sign-off log");
            }
        }
        return new Standing(standing, problems);
    }

    private static Withdrawn withdrawn(StoredWithdrawal row, String hash, String flaw) {
        return new Withdrawn(row.signOffId(), row.replyId(), row.at(), row.by(), fingerprintOf(row.publicKey()), hash, flaw);
    }

    /** The action an event's entry names; anything but a reinstatement withdraws. */
    private static Action actionIn(String entry) {
        String reinstated = Action.REINSTATED.name();
        return entry.startsWith(org.clearframe.store.WithdrawalRepository.FORM + reinstated.length() + ":" + reinstated + ";")
                ? Action.REINSTATED : Action.WITHDRAWN;
    }

    private static String withdrawalFlaw(UUID production, StoredWithdrawal row) {
        if (!row.productionId().equals(production)) return "it is for another production";
        if (verifiedKey(row) == null) return "its signature does not hold";
        return null;
    }

    private static String reinstatementFlaw(UUID production, StoredWithdrawal row, Withdrawn current, RecordTrust trust) {
        if (!row.productionId().equals(production)) return "it is for another production";
        if (current == null) return "the sign-off is not withdrawn";
        if (current.eventHash().isEmpty() || !current.eventHash().equals(row.reverses())) {
            return "it does not reverse the withdrawal that stands (replayed or moved)";
        }
        PublicKey key = verifiedKey(row);
        if (key == null) return "its signature does not hold";
        String fp = KeyRing.fingerprint(key);
        if (!trust.trusts(key, fp)) return "it is signed by key " + fp + ", which this machine does not trust";
        return null;
    }

    /** The key that signed {@code row}, when its signature over its entry holds; else null. */
    private static PublicKey verifiedKey(StoredWithdrawal row) {
        try {
            PublicKey key = KeyRing.decodePublicKey(row.publicKey());
            return SignOffProof.verifies(key, row.entry().getBytes(StandardCharsets.UTF_8), row.signature()) ? key : null;
        } catch (ExchangeException e) {
            return null;
        }
    }

    private static String fingerprintOf(String publicKey) {
        try {
            return KeyRing.fingerprint(KeyRing.decodePublicKey(publicKey));
        } catch (ExchangeException e) {
            return "(no valid key)";
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    /**
     * Undo of reply {@code replyId}'s import: withdraws those of {@code signOffIds} that do not stand withdrawn, in one
     * transaction, signed with {@code keys} in the name of {@code by}. Returns the ids withdrawn.
     */
    public static List<UUID> withdraw(ProductionStore store, UUID production, UUID replyId, Collection<UUID> signOffIds, String by,
                                      KeyPair keys) throws ExchangeException, StoreException {
        return write(store, production, signOffIds, keys, (standing, id) -> standing.isWithdrawn(id) ? null
                : unsigned(Action.WITHDRAWN, production, replyId, id, "", by, keys));
    }

    /**
     * Redo of an undone reply import (or the same reply imported again): reinstates those of {@code signOffIds} that stand
     * withdrawn, each reversing the withdrawal that stands for it, in one transaction. Returns the ids reinstated.
     */
    public static List<UUID> reinstate(ProductionStore store, UUID production, Collection<UUID> signOffIds, String by, KeyPair keys)
            throws ExchangeException, StoreException {
        return write(store, production, signOffIds, keys, (standing, id) -> {
            Withdrawn w = standing.withdrawn().get(id);
            return w == null ? null : unsigned(Action.REINSTATED, production, w.replyId() == null ? new UUID(0, 0) : w.replyId(), id,
                    w.eventHash(), by, keys);
        });
    }

    /** Undo of an import in the app: the producer on this machine withdraws what reply {@code replyId} added. */
    public static List<UUID> undoImport(ProductionStore store, org.clearframe.model.Production production, UUID replyId,
                                        Collection<UUID> signOffIds) throws ExchangeException, StoreException {
        return withdraw(store, production.id(), replyId, signOffIds, production.producer(), KeyRing.forUser().keyPair());
    }

    /** Redo of an undone import in the app: the producer on this machine reinstates what it had added. */
    public static List<UUID> redoImport(ProductionStore store, org.clearframe.model.Production production, Collection<UUID> signOffIds)
            throws ExchangeException, StoreException {
        return reinstate(store, production.id(), signOffIds, production.producer(), KeyRing.forUser().keyPair());
    }

    /** The sign-offs among {@code signOffIds} that stand withdrawn in {@code store}, for the producer on this machine. */
    public static Map<UUID, Withdrawn> standingWithdrawn(ProductionStore store, UUID production, Collection<UUID> signOffIds)
            throws StoreException {
        Standing standing = read(store, production, RecordTrust.forUser(List.of()));
        Map<UUID, Withdrawn> out = new HashMap<>();
        for (UUID id : signOffIds) if (standing.isWithdrawn(id)) out.put(id, standing.withdrawn().get(id));
        return out;
    }

    private interface Event {
        StoredWithdrawal about(Standing standing, UUID signOffId);
    }

    private static List<UUID> write(ProductionStore store, UUID production, Collection<UUID> signOffIds, KeyPair keys, Event event)
            throws ExchangeException, StoreException {
        RecordTrust mine = RecordTrust.forKey(keys.getPublic());
        List<UUID> done = new ArrayList<>();
        ExchangeException[] failed = new ExchangeException[1];
        try {
            store.inOneTransaction(() -> {
                // read and write in one transaction, so that the withdrawal a reinstatement reverses is the one that stands
                Standing standing = read(store, production, mine);
                List<StoredWithdrawal> signed = new ArrayList<>();
                for (UUID id : new LinkedHashSet<>(signOffIds)) {
                    StoredWithdrawal w = event.about(standing, id);
                    if (w == null) continue;
                    try {
                        signed.add(sign(w, keys));
                    } catch (ExchangeException e) {
                        failed[0] = e;
                        throw new StoreException(e.getMessage(), e);
                    }
                    done.add(id);
                }
                store.withdrawals().record(signed);
            });
        } catch (StoreException e) {
            if (failed[0] != null) throw failed[0];
            throw e;
        }
        return done;
    }

    private static StoredWithdrawal unsigned(Action action, UUID production, UUID replyId, UUID signOffId, String reverses, String by,
                                             KeyPair keys) {
        return new StoredWithdrawal(UUID.randomUUID(), 0, action, production, replyId, signOffId, reverses, Instant.now(), by,
                KeyRing.encode(keys.getPublic()), "");
    }

    private static StoredWithdrawal sign(StoredWithdrawal w, KeyPair keys) throws ExchangeException {
        try {
            Signature sig = Signature.getInstance(KeyRing.ALGORITHM);
            sig.initSign(keys.getPrivate());
            sig.update(w.entry().getBytes(StandardCharsets.UTF_8));
            return w.signed(Base64.getEncoder().encodeToString(sig.sign()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new ExchangeException(Problem.INVALID, "The withdrawal could not be signed: " + e.getMessage(), e);
        }
    }
}
