package org.clearframe.store.register;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the register is, as the user typed it, and the JDBC address and properties to reach it.
 *
 * <p>Accepted: {@code postgresql://[user@]host[:port]/database[?param=value&...]} (libpq's URI form, also
 * {@code postgres://}) and {@code jdbc:postgresql://...}. Credentials come only from PostgreSQL's standard places:
 * the user from the address, {@code PGUSER} or the login name; the password from {@code PGPASSWORD}, else
 * {@code ~/.pgpass} (or {@code PGPASSFILE}); {@code ?service=NAME} reads {@code ~/.pg_service.conf} (or
 * {@code PGSERVICEFILE}). A password written into the address is refused, so it never lands in shell history, a
 * production file or a log. TLS: the driver's default {@code sslmode=prefer} uses TLS whenever the server offers it;
 * a studio should give {@code ?sslmode=verify-full} to also check the server's certificate.
 */
public record RegisterAddress(String typed, String jdbcUrl, Properties properties) {

    private static final Pattern URI = Pattern.compile("(?i)^(?:jdbc:postgresql|postgresql|postgres)://([^/?#]*)(/[^?#]*)?(\\?[^#]*)?$");

    public static RegisterAddress parse(String typed) throws RegisterException {
        return parse(typed, System.getenv());
    }

    static RegisterAddress parse(String typed, Map<String, String> env) throws RegisterException {
        String t = typed == null ? "" : typed.strip();
        var m = URI.matcher(t);
        if (!m.matches()) {
            throw new RegisterException("'" + t + "' is not a register address. Write it as postgresql://host[:port]/database "
                    + "(credentials come from ~/.pgpass, PGUSER/PGPASSWORD or a service file, never from the address).");
        }
        String authority = m.group(1), path = m.group(2) == null ? "" : m.group(2), query = m.group(3) == null ? "" : m.group(3);
        Properties props = new Properties();
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            user = authority.substring(0, at);
            authority = authority.substring(at + 1);
            if (user.contains(":")) throw passwordRefused();
        }
        for (String param : query.isEmpty() ? new String[0] : query.substring(1).split("&")) {
            String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            if (key.toLowerCase(Locale.ROOT).equals("password")) throw passwordRefused();
            if (key.equalsIgnoreCase("user")) user = null; // the address's own user= wins over PGUSER
        }
        boolean named = query.contains("user=");
        if (user == null && !named && env.get("PGUSER") != null && !env.get("PGUSER").isBlank()) user = env.get("PGUSER");
        if (user != null && !user.isBlank()) props.setProperty("user", decode(user));
        String password = env.get("PGPASSWORD");
        if (password != null && !password.isEmpty()) props.setProperty("password", password);
        props.setProperty("ApplicationName", "Clearframe");
        // Batches of inserts go as multi-row statements: a 10,000-shot publish is a few round trips, not 40,000.
        props.setProperty("reWriteBatchedInserts", "true");
        // A register that does not answer should say so in seconds, not hang a command or the app.
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        if (authority.isEmpty()) authority = env.getOrDefault("PGHOST", "") + (env.get("PGPORT") == null ? "" : ":" + env.get("PGPORT"));
        if (path.isEmpty() || path.equals("/")) path = "/" + env.getOrDefault("PGDATABASE", "");
        return new RegisterAddress(t, "jdbc:postgresql://" + authority + path + query, props);
    }

    private static RegisterException passwordRefused() {
        return new RegisterException("The register address holds a password. Clearframe takes passwords only from ~/.pgpass, "
                + "PGPASSWORD or a service file; remove it from the address.");
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The address without anything secret, for messages. */
    public String shown() {
        return typed;
    }
}
