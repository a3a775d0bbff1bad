package dev.consolidate.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where production is and how to log in. The password is held here only; {@link #toString()} and
 * {@link #redacted()} never show it, and it reaches pgjdbc through {@link #properties()}, never
 * through a URL string.
 *
 * @param host      host name (or comma-separated hosts, as libpq accepts)
 * @param port      TCP port
 * @param database  database name
 * @param user      role name
 * @param password  password or null (then ~/.pgpass or none)
 * @param params    other connection parameters (sslmode, application_name, ...) in libpq names
 * @param source    where these settings came from, for messages ("--db-url", "DATABASE_URL", "PG* variables")
 */
public record ConnectionSpec(String host, int port, String database, String user, String password,
                             Map<String, String> params, String source) {

    public ConnectionSpec {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The same spec with another password (from ~/.pgpass). */
    public ConnectionSpec withPassword(String newPassword) {
        return new ConnectionSpec(host, port, database, user, newPassword, params, source);
    }

    /** The JDBC URL without credentials. */
    public String jdbcUrl() {
        StringBuilder hosts = new StringBuilder();
        for (String h : host.split(",")) {
            if (hosts.length() > 0) {
                hosts.append(',');
            }
            String hh = h.trim();
            hosts.append(hh.contains(":") && !hh.startsWith("[") ? "[" + hh + "]" : hh);
            hosts.append(':').append(port);
        }
        return "jdbc:postgresql://" + hosts + "/" + UrlCodec.encodePathSegment(database);
    }

    /** pgjdbc properties: user, password and the translated libpq parameters. */
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", params.getOrDefault("application_name", "consolidate"));
        LibpqParameters.applyTo(params, p);
        return p;
    }

    /** postgresql://user@host:port/database, for messages and files. */
    public String redacted() {
        return "postgresql://" + UrlCodec.encodeUserInfo(user) + "@" + host + ":" + port + "/"
                + UrlCodec.encodePathSegment(database);
    }

    @Override
    public String toString() {
        return redacted() + " (from " + source + ")";
    }
}
