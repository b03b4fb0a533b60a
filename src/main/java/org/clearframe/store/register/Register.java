package org.clearframe.store.register;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One connection to the studio register. Everything the register does goes through here: the schema migration,
 * publishing a production ({@link RegisterPublisher}), the studio's report ({@link RegisterReport}) and the studio
 * AI contact's sign-offs ({@link StudioReplies}). Who may see and write what is PostgreSQL's to decide (roles and
 * row-level security, see R1__register.sql); this class never works around it.
 */
public final class Register implements AutoCloseable {

    /** The register's migrations, in order; the number is the schema version each one makes. */
    static final List<String> SCRIPTS = List.of("R1__register.sql");

    private final Connection connection;
    private final RegisterAddress address;

    private Register(Connection connection, RegisterAddress address) {
        this.connection = connection;
        this.address = address;
    }

    public static Register connect(RegisterAddress address) throws RegisterException {
        try {
            java.util.Properties properties = new java.util.Properties();
            properties.putAll(address.properties());
            // Batched inserts go as multi-row INSERTs: a new production's thousands of rows in a few round trips.
            properties.setProperty("reWriteBatchedInserts", "true");
            Connection c = DriverManager.getConnection(address.jdbcUrl(), properties);
            return new Register(c, address);
        } catch (SQLException e) {
            throw new RegisterException("Cannot reach the register at " + address.shown() + ": " + firstLine(e.getMessage()), e);
        }
    }

    public static Register connect(String typed) throws RegisterException {
        return connect(RegisterAddress.parse(typed));
    }

    Connection connection() {
        return connection;
    }

    public RegisterAddress address() {
        return address;
    }

    /** The schema version of the register; 0 when it has none yet. */
    public int schemaVersion() throws RegisterException {
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT to_regclass('clearframe.register_version') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) return 0;
            try (ResultSet v = s.executeQuery("SELECT coalesce(max(version), 0) FROM clearframe.register_version")) {
                v.next();
                return v.getInt(1);
            }
        } catch (SQLException e) {
            throw failure("read the register's version", e);
        }
    }

    /**
     * Brings the schema to the newest version, each step in its own transaction, under an advisory lock so two
     * administrators migrating at once do not collide. Run by the role that owns the schema (see README). Returns the
     * versions applied.
     */
    public List<Integer> migrate() throws RegisterException {
        List<Integer> applied = new java.util.ArrayList<>();
        try {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(7140516)");
                int current = schemaVersion();
                for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                    s.execute(script(SCRIPTS.get(v - 1)));
                    if (v == 1) {
                        s.execute("CREATE TABLE clearframe.register_version (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
                        s.execute("GRANT SELECT ON clearframe.register_version TO clearframe_producer, clearframe_studio");
                    }
                    s.execute("INSERT INTO clearframe.register_version (version) VALUES (" + v + ")");
                    applied.add(v);
                }
            }
            connection.commit();
            return applied;
        } catch (SQLException e) {
            rollback();
            throw failure("migrate the register", e);
        } finally {
            autoCommit();
        }
    }

    /** Publishes a production as the connected role (see {@link RegisterPublisher}). */
    public RegisterPublisher.Result publish(Publication publication) throws RegisterException {
        requireCurrentSchema();
        return new RegisterPublisher(this).publish(publication);
    }

    /** The facts of the studio report, as far as the connected role may see them. */
    public RegisterReport.Facts report() throws RegisterException {
        requireCurrentSchema();
        return new RegisterReport(this).read();
    }

    /** Flags of a production waiting on the studio AI contact, with no studio sign-off yet for the shot as published. */
    public java.util.List<StudioReplies.Waiting> waitingOnStudio(java.util.UUID production) throws RegisterException {
        requireCurrentSchema();
        return new StudioReplies(this).waiting(production);
    }

    /** Records the studio AI contact's signed reply and its decisions (the studio role's one write). */
    public void addStudioReply(Publication.Reply reply, java.util.UUID production, java.util.List<org.clearframe.model.SignOff> decisions)
            throws RegisterException {
        requireCurrentSchema();
        new StudioReplies(this).add(reply, production, decisions);
    }

    /** The studio AI contact's replies for a production, oldest first. */
    public java.util.List<StudioReplies.Stored> studioReplies(java.util.UUID production) throws RegisterException {
        requireCurrentSchema();
        return new StudioReplies(this).signedInRegister(production);
    }

    /** Refuses a register whose schema is older or newer than this version of Clearframe knows. */
    public void requireCurrentSchema() throws RegisterException {
        int v = schemaVersion();
        if (v == 0) throw new RegisterException("The database at " + address.shown() + " is not a Clearframe register yet: "
                + "an administrator runs 'clearframe register migrate --register URL' once (see README).");
        if (v < SCRIPTS.size()) throw new RegisterException("The register at " + address.shown() + " has schema version " + v
                + "; this Clearframe needs " + SCRIPTS.size() + ". An administrator runs 'clearframe register migrate --register URL'.");
        if (v > SCRIPTS.size()) throw new RegisterException("The register at " + address.shown() + " has schema version " + v
                + ", newer than this Clearframe knows (" + SCRIPTS.size() + "). Update Clearframe.");
    }

    private static String script(String name) throws RegisterException {
        try (InputStream in = Register.class.getResourceAsStream(name)) {
            if (in == null) throw new RegisterException("The register migration " + name + " is missing from this build.");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RegisterException("The register migration " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the server rolls the transaction back itself
        }
    }

    void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is gone; nothing was left half-done on the server
        }
    }

    /** A register error with PostgreSQL's own reason, phrased for the person who asked. */
    RegisterException failure(String what, SQLException e) {
        // A failed batch reports the whole statement; the server's own reason is the next exception.
        SQLException cause = e instanceof java.sql.BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String reason = firstLine(cause.getMessage());
        if (state.equals("42501")) {
            return new RegisterException("The register refused to " + what + ": your database role may not do this (" + reason + ").", e);
        }
        if (state.startsWith("08")) return new RegisterException("Lost the register at " + address.shown() + " while trying to " + what + ": " + reason, e);
        return new RegisterException("Could not " + what + " in the register: " + reason, e);
    }

    /** The first line of a driver message, at most 300 characters: never a page of SQL in front of the user. */
    static String firstLine(String message) {
        if (message == null) return "no reason given";
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "\u2026" : line;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a dead connection: nothing to keep
        }
    }
}
