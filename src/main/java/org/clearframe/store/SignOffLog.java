package org.clearframe.store;

import org.clearframe.model.SignOff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The hash-chained log of sign-off events (schema 7): every sign-off row the store writes gets one event, in the same
 * transaction, whose hash covers the previous event's hash, its own number and the sign-off's every field. Editing,
 * deleting or reordering an earlier event breaks every later hash; a sign-off row added behind the store's back has no
 * event. The chain has no secret: it shows partial edits, and its head, once signed into an evidence pack, pins the
 * history up to that point.
 *
 * <p>Entry: {@code clearframe-sign-off-event/1;} then each field as {@code length:value;} (length in UTF-16 units):
 * id, shot id, rule id, role, subject id (or empty), subject name, signer, decision, note, signed-at instant,
 * fingerprint. Hash: lower-case hex SHA-256 of the UTF-8 of {@code prevHash + "\n" + seq + "\n" + entry}; the first
 * event's prevHash is 64 zeros.
 *
 * <p>Since schema 9 the chain also carries the producer's withdrawals and reinstatements of sign-offs (undo and redo of a
 * reply import), whose entries begin {@code clearframe-sign-off-withdrawal/1;} (see {@link WithdrawalRepository}).
 */
public final class SignOffLog {

    public static final String GENESIS = "0".repeat(64);
    private static final String FORM = "clearframe-sign-off-event/1;";

    /** One event as stored. */
    public record Event(long seq, UUID signOffId, String entry, String prevHash, String hash) {}

    /**
     * What a check found: the chain's length and head; {@code problems}, where the chain itself does not hold (events
     * altered, removed or reordered: the history was edited); and {@code unlogged}, sign-off rows with no matching
     * event (written into the file outside Clearframe: such a row counts only if a proof holds, like any other).
     */
    public record Check(int events, String head, int beforeLog, List<String> problems, List<String> unlogged) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    private SignOffLog() {}

    public static String entry(SignOff s) {
        StringBuilder b = new StringBuilder(FORM);
        for (String v : new String[]{s.id().toString(), s.shotId().toString(), s.ruleId(), s.role().name(),
                s.subjectId() == null ? "" : s.subjectId().toString(), s.subjectName(), s.signer(), s.decision().name(), s.note(),
                s.signedAt().toString(), s.fingerprint()}) {
            b.append(v.length()).append(':').append(v).append(';');
        }
        return b.toString();
    }

    public static String hash(String prevHash, long seq, String entry) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest((prevHash + "\n" + seq + "\n" + entry).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Checks the links and hashes of {@code events}, and that each of {@code rows} not recorded before the log has its event. */
    public static Check verify(List<Event> events, Collection<SignOff> rows, Set<UUID> beforeLog) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        long expected = 1;
        Map<UUID, String> entries = new HashMap<>();
        for (Event e : events) {
            if (e.seq() != expected) problems.add("event " + expected + " is missing (the next is " + e.seq() + ")");
            if (!e.prevHash().equals(prev)) problems.add("event " + e.seq() + " does not follow the one before it");
            if (!hash(e.prevHash(), e.seq(), e.entry()).equals(e.hash())) problems.add("event " + e.seq() + " was altered after it was recorded");
            if (isSignOff(e.entry())) entries.putIfAbsent(e.signOffId(), e.entry()); // later events (withdrawals) are not the row's own
            prev = e.hash();
            expected = e.seq() + 1;
            if (problems.size() > 20) break;
        }
        List<String> unlogged = new ArrayList<>();
        for (SignOff s : rows) {
            if (beforeLog.contains(s.id())) continue;
            String entry = entries.get(s.id());
            if (entry == null) unlogged.add("sign-off " + s.id() + " (" + s.ruleId() + ", " + s.role().label() + ") has no event in the log");
            else if (!entry.equals(entry(s))) unlogged.add("sign-off " + s.id() + " (" + s.ruleId() + ") differs from its event in the log");
        }
        return new Check(events.size(), prev, beforeLog.size(), List.copyOf(problems), List.copyOf(unlogged));
    }

    /** Appends the event for {@code s}, on the store's connection inside its write transaction. */
    static void append(Connection c, SignOff s) throws SQLException {
        append(c, s.id(), entry(s));
    }

    /** Whether {@code entry} records a sign-off (rather than a later event about one, such as a withdrawal). */
    static boolean isSignOff(String entry) {
        return entry.startsWith(FORM);
    }

    /** Appends an event about sign-off {@code signOffId} with {@code entry}; returns it as stored. */
    static Event append(Connection c, UUID signOffId, String entry) throws SQLException {
        try (PreparedStatement last = c.prepareStatement(LAST); PreparedStatement insert = c.prepareStatement(INSERT)) {
            return append(last, insert, signOffId, entry);
        }
    }

    /** As {@link #append(Connection, SignOff)}, with the statements the file keeps prepared (an import appends thousands). */
    static void append(Rows rows, SignOff s) throws SQLException {
        append(rows.prepared(LAST), rows.prepared(INSERT), s.id(), entry(s));
    }

    private static final String LAST = "SELECT seq, hash FROM sign_off_event ORDER BY seq DESC LIMIT 1";
    private static final String INSERT = "INSERT INTO sign_off_event (seq, sign_off_id, entry, prev_hash, hash) VALUES (?, ?, ?, ?, ?)";

    private static Event append(PreparedStatement last, PreparedStatement insert, UUID signOffId, String entry) throws SQLException {
        long seq = 1;
        String prev = GENESIS;
        try (ResultSet r = last.executeQuery()) {
            if (r.next()) {
                seq = r.getLong(1) + 1;
                prev = r.getString(2);
            }
        }
        String hash = hash(prev, seq, entry);
        insert.setLong(1, seq);
        insert.setString(2, signOffId.toString());
        insert.setString(3, entry);
        insert.setString(4, prev);
        insert.setString(5, hash);
        insert.executeUpdate();
        return new Event(seq, signOffId, entry, prev, hash);
    }

    /** Every event in order, and the sign-offs recorded before the log began. A file without the log (older) has none. */
    static Log read(Connection c) throws SQLException {
        List<Event> events = new ArrayList<>();
        Set<UUID> before = new java.util.HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sign_off_event'");
             ResultSet r = p.executeQuery()) {
            if (!r.next()) return new Log(List.of(), Set.of());
        }
        try (PreparedStatement p = c.prepareStatement("SELECT seq, sign_off_id, entry, prev_hash, hash FROM sign_off_event ORDER BY seq");
             ResultSet r = p.executeQuery()) {
            while (r.next()) {
                UUID id;
                try {
                    id = UUID.fromString(String.valueOf(r.getString(2)));
                } catch (IllegalArgumentException e) {
                    id = new UUID(0, 0); // an unreadable id still takes its place in the chain, where its hash will not hold
                }
                events.add(new Event(r.getLong(1), id, String.valueOf(r.getString(3)), String.valueOf(r.getString(4)), String.valueOf(r.getString(5))));
            }
        }
        try (PreparedStatement p = c.prepareStatement("SELECT sign_off_id FROM sign_off_before_log"); ResultSet r = p.executeQuery()) {
            while (r.next()) {
                try {
                    before.add(UUID.fromString(String.valueOf(r.getString(1))));
                } catch (IllegalArgumentException ignored) {
                    // names no sign-off: excuses nothing
                }
            }
        }
        return new Log(List.copyOf(events), Set.copyOf(before));
    }

    /** The log as the file holds it. */
    public record Log(List<Event> events, Set<UUID> beforeLog) {}
}
