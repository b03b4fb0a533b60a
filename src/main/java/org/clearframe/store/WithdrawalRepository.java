package org.clearframe.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The producer's withdrawals and reinstatements of sign-offs (schema 9): how a reply import is undone and redone while
 * the sign-off history only grows. Each row is one event for one sign-off, written with its event in the
 * {@link SignOffLog} in the same transaction; the event's entry is the statement the producer's key signed. This class
 * stores and returns rows; whether one holds is decided above the store (see {@code exchange.ReplyWithdrawals}).
 */
public final class WithdrawalRepository {

    /** How every withdrawal event's entry begins, so a reader tells it from a sign-off's own event. */
    public static final String FORM = "clearframe-sign-off-withdrawal/1;";

    public enum Action { WITHDRAWN, REINSTATED }

    /** Written out as V9's partial index is, so that SQLite reads that index (the withdrawal events only), not the log. */
    static final String WITHDRAWAL_EVENTS = "SELECT seq, sign_off_id, entry, prev_hash, hash FROM sign_off_event "
            + "WHERE substr(entry, 1, 33) = 'clearframe-sign-off-withdrawal/1;' ORDER BY seq";

    /**
     * One withdrawal or reinstatement of sign-off {@code signOffId}, which reply {@code replyId} added. {@code seq} is its
     * event's place in the log (0 until written); {@code reverses}, for a reinstatement, the hash of the withdrawal event
     * it takes back; {@code by}, the producer's name; {@code publicKey} and {@code signature}, the producer's Ed25519 key
     * (base64 X.509) and signature over {@link #entry()}.
     */
    public record StoredWithdrawal(UUID id, long seq, Action action, UUID productionId, UUID replyId, UUID signOffId, String reverses,
                                   Instant at, String by, String publicKey, String signature) {
        public StoredWithdrawal {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(productionId, "productionId");
            Objects.requireNonNull(replyId, "replyId");
            Objects.requireNonNull(signOffId, "signOffId");
            Objects.requireNonNull(at, "at");
            reverses = reverses == null ? "" : reverses;
            by = by == null ? "" : by;
            publicKey = publicKey == null ? "" : publicKey;
            signature = signature == null ? "" : signature;
        }

        /**
         * The log entry and the statement signed: {@link #FORM} then each field as {@code length:value;}: action, id,
         * production id, reply id, sign-off id, reverses, instant, by, public key. Everything but seq and the signature.
         */
        public String entry() {
            StringBuilder b = new StringBuilder(FORM);
            for (String v : new String[]{action.name(), id.toString(), productionId.toString(), replyId.toString(), signOffId.toString(),
                    reverses, at.toString(), by, publicKey}) {
                b.append(v.length()).append(':').append(v).append(';');
            }
            return b.toString();
        }

        public StoredWithdrawal signed(String signature) {
            return new StoredWithdrawal(id, seq, action, productionId, replyId, signOffId, reverses, at, by, publicKey, signature);
        }

        StoredWithdrawal placed(long seq) {
            return new StoredWithdrawal(id, seq, action, productionId, replyId, signOffId, reverses, at, by, publicKey, signature);
        }
    }

    /**
     * What the file holds: the rows, in log order, and every log event whose entry is a withdrawal's (a row removed from
     * the file leaves its event behind; an event removed from the log leaves its row without one).
     */
    public record Withdrawals(List<StoredWithdrawal> rows, List<SignOffLog.Event> events) {
        public Withdrawals {
            rows = List.copyOf(rows);
            events = List.copyOf(events);
        }

        public static final Withdrawals NONE = new Withdrawals(List.of(), List.of());

        public boolean isEmpty() {
            return rows.isEmpty() && events.isEmpty();
        }
    }

    private final ProductionStore store;

    WithdrawalRepository(ProductionStore store) {
        this.store = store;
    }

    /** Every withdrawal row and withdrawal event in the file; none in a file older than schema 9. */
    public Withdrawals all() throws StoreException {
        return store.readForProofs(WithdrawalRepository::read);
    }

    static Withdrawals read(Connection c) throws SQLException {
        if (!hasTable(c)) return Withdrawals.NONE;
        List<StoredWithdrawal> rows = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT id, seq, action, production_id, reply_id, sign_off_id, reverses, at, by_name, "
                + "public_key, signature FROM sign_off_withdrawal ORDER BY seq");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                UUID id = uuid(r.getString(1)), production = uuid(r.getString(4)), reply = uuid(r.getString(5)), signOff = uuid(r.getString(6));
                Action action = r.getString(3) == null ? null : switch (r.getString(3)) {
                    case "WITHDRAWN" -> Action.WITHDRAWN;
                    case "REINSTATED" -> Action.REINSTATED;
                    default -> null;
                };
                Instant at = instant(r.getString(8));
                // An unreadable row proves nothing; its event in the log, if any, still withdraws (see ReplyWithdrawals).
                if (id == null || production == null || reply == null || signOff == null || action == null || at == null) continue;
                rows.add(new StoredWithdrawal(id, r.getLong(2), action, production, reply, signOff, r.getString(7), at, r.getString(9),
                        r.getString(10), r.getString(11)));
            }
        }
        List<SignOffLog.Event> events = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement(WITHDRAWAL_EVENTS)) {
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    UUID id = uuid(r.getString(2));
                    events.add(new SignOffLog.Event(r.getLong(1), id == null ? new UUID(0, 0) : id, String.valueOf(r.getString(3)),
                            String.valueOf(r.getString(4)), String.valueOf(r.getString(5))));
                }
            }
        }
        return new Withdrawals(rows, events);
    }

    /**
     * Records {@code signed} (withdrawals or reinstatements, already signed) in one transaction, each row with its event in
     * the sign-off log, in the order given. Returns them as written, with their place in the log.
     */
    public List<StoredWithdrawal> record(Collection<StoredWithdrawal> signed) throws StoreException {
        return store.writeForProofs(c -> {
            List<StoredWithdrawal> written = new ArrayList<>();
            Set<UUID> ids = new HashSet<>();
            for (StoredWithdrawal w : signed) {
                if (!ids.add(w.id())) continue;
                SignOffLog.Event event = SignOffLog.append(c, w.signOffId(), w.entry());
                StoredWithdrawal row = w.placed(event.seq());
                try (PreparedStatement p = c.prepareStatement("INSERT INTO sign_off_withdrawal (id, seq, action, production_id, reply_id, "
                        + "sign_off_id, reverses, at, by_name, public_key, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    p.setString(1, row.id().toString());
                    p.setLong(2, row.seq());
                    p.setString(3, row.action().name());
                    p.setString(4, row.productionId().toString());
                    p.setString(5, row.replyId().toString());
                    p.setString(6, row.signOffId().toString());
                    p.setString(7, row.reverses());
                    p.setString(8, row.at().toString());
                    p.setString(9, row.by());
                    p.setString(10, row.publicKey());
                    p.setString(11, row.signature());
                    p.executeUpdate();
                }
                written.add(row);
            }
            return written;
        });
    }

    /**
     * The replies whose sign-offs stand withdrawn by the latest row for each: what a package's record leaves out of its
     * answers (a display of where packages stand; whether a sign-off counts is decided from the signed events).
     */
    static Set<UUID> withdrawnReplies(Connection c) throws SQLException {
        Set<UUID> out = new HashSet<>();
        if (!hasTable(c)) return out;
        try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT w.reply_id FROM sign_off_withdrawal w WHERE w.action = 'WITHDRAWN' "
                + "AND w.seq = (SELECT MAX(x.seq) FROM sign_off_withdrawal x WHERE x.sign_off_id = w.sign_off_id)");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                UUID id = uuid(r.getString(1));
                if (id != null) out.add(id);
            }
        }
        return out;
    }

    private static boolean hasTable(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sign_off_withdrawal'");
             ResultSet r = p.executeQuery()) {
            return r.next();
        }
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
