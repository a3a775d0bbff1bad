package dev.consolidate.scratch;

import dev.consolidate.problem.Problem;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A server address given as a libpq URI ({@code postgresql://user:pw@host:5432/db?sslmode=require})
 * or a pgjdbc URL ({@code jdbc:postgresql://host:5432/db?user=u&password=pw}). The user and password
 * are kept apart from the URL so that nothing printable ever carries the password.
 *
 * @param hosts    "host[:port][,host[:port]...]" as pgjdbc reads it
 * @param database the database named in the URL (the one used to create and drop others)
 * @param params   connection parameters other than user and password, in the given order
 * @param user     null when the URL names none (pgjdbc then uses the OS user)
 * @param password null when the URL names none (pgjdbc may still read ~/.pgpass)
 */
public record ServerUrl(String hosts, String database, Map<String, String> params, String user, String password) {

    /** libpq parameter names whose pgjdbc spelling differs. */
    private static final Map<String, String> LIBPQ_TO_JDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "target_session_attrs", "targetServerType");

    public ServerUrl {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static ServerUrl parse(String url) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        boolean jdbc = lower.startsWith("jdbc:postgresql://");
        String rest;
        if (jdbc) {
            rest = u.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = u.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = u.substring("postgres://".length());
        } else {
            throw invalid("the URL must start with postgresql://, postgres:// or jdbc:postgresql://.");
        }
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1));
        String user = null;
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int c = userInfo.indexOf(':');
            user = decode(c < 0 ? userInfo : userInfo.substring(0, c));
            password = c < 0 ? null : decode(userInfo.substring(c + 1));
        }
        if (authority.isEmpty()) {
            throw invalid("the URL names no host (Unix-domain sockets are not supported: give localhost).");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            switch (key) {
                case "user":
                    user = value;
                    break;
                case "password":
                    password = value;
                    break;
                case "dbname":
                    database = value;
                    break;
                default:
                    params.put(jdbc ? key : LIBPQ_TO_JDBC.getOrDefault(key, key), value);
            }
        }
        if (database.isEmpty()) {
            database = "postgres";
        }
        return new ServerUrl(authority, database, params, emptyToNull(user), emptyToNull(password));
    }

    /** The JDBC URL of {@code db} on this server, without user or password. */
    public String jdbcUrl(String db) {
        StringBuilder sb = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(encode(db));
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return sb.toString();
    }

    /** user and password as pgjdbc takes them. */
    public Properties credentials() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** "user@host:port/db": what the user may see. */
    public String display() {
        return (user == null ? "" : user + "@") + hosts + "/" + database;
    }

    /** Never the password: records print their components by default. */
    @Override
    public String toString() {
        return display();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("it holds a malformed %-escape.");
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Problem invalid(String why) {
        return Problem.usage("The scratch server URL given to --scratch url: cannot be used.")
                .why(why)
                .fix("Give a URL such as --scratch url:postgresql://postgres@localhost:5432/postgres "
                        + "or --scratch url:jdbc:postgresql://localhost:5432/postgres?user=postgres.")
                .state("nothing changed.")
                .build();
    }
}
