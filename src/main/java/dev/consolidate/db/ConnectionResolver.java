package dev.consolidate.db;

import dev.consolidate.problem.Problem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds production's connection settings the way psql users expect: --db-url, then DATABASE_URL,
 * then the PG* variables; parts missing from a URL come from the PG* variables and libpq's
 * defaults; a missing password comes from the password file (PGPASSFILE or ~/.pgpass).
 */
public final class ConnectionResolver {
    private final Map<String, String> env;
    private final Path home;

    public ConnectionResolver(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    public static ConnectionResolver fromSystem() {
        return new ConnectionResolver(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** Empty when nothing at all names a database. */
    public Optional<ConnectionSpec> resolve(String dbUrlOption) {
        Map<String, String> given;
        String source;
        if (dbUrlOption != null && !dbUrlOption.isBlank()) {
            given = parse(dbUrlOption, "--db-url");
            source = "--db-url";
        } else if (nonBlank(env.get("DATABASE_URL"))) {
            given = parse(env.get("DATABASE_URL"), "DATABASE_URL");
            source = "DATABASE_URL";
        } else if (env.keySet().stream().anyMatch(k -> k.equals("PGHOST") || k.equals("PGDATABASE")
                || k.equals("PGPORT") || k.equals("PGUSER") || k.equals("PGSERVICE"))) {
            given = new LinkedHashMap<>();
            source = "PG* variables";
        } else {
            return Optional.empty();
        }
        return Optional.of(complete(given, source));
    }

    private ConnectionSpec complete(Map<String, String> given, String source) {
        Map<String, String> all = new LinkedHashMap<>();
        fromEnv(all, "host", "PGHOST");
        fromEnv(all, "port", "PGPORT");
        fromEnv(all, "dbname", "PGDATABASE");
        fromEnv(all, "user", "PGUSER");
        fromEnv(all, "password", "PGPASSWORD");
        fromEnv(all, "sslmode", "PGSSLMODE");
        fromEnv(all, "sslrootcert", "PGSSLROOTCERT");
        fromEnv(all, "connect_timeout", "PGCONNECT_TIMEOUT");
        fromEnv(all, "application_name", "PGAPPNAME");
        fromEnv(all, "options", "PGOPTIONS");
        fromEnv(all, "passfile", "PGPASSFILE");
        all.putAll(given);

        String host = all.getOrDefault("host", "localhost");
        if (host.startsWith("/")) {
            throw Problem.usage("Production is given as a Unix socket directory (" + host + ").")
                    .why("The tool connects over TCP; PostgreSQL's Unix sockets are not reachable from Java's driver.")
                    .fix("Give a TCP host, e.g. --db-url postgresql://USER@localhost:5432/DB.")
                    .state("Nothing was changed.")
                    .build();
        }
        int port = parsePort(all.getOrDefault("port", "5432"), source);
        String user = all.getOrDefault("user", System.getProperty("user.name"));
        String dbname = all.getOrDefault("dbname", user);
        String password = all.get("password");
        Map<String, String> params = new LinkedHashMap<>(all);
        for (String k : new String[] {"host", "port", "dbname", "user", "password", "passfile"}) {
            params.remove(k);
        }
        ConnectionSpec spec = new ConnectionSpec(host, port, dbname, user, password, params, source);
        if (password == null) {
            Path passfile = all.containsKey("passfile") ? Path.of(all.get("passfile")) : home.resolve(".pgpass");
            Optional<String> fromFile = new PgPassFile(passfile).lookup(host.split(",")[0], port, dbname, user);
            if (fromFile.isPresent()) {
                spec = spec.withPassword(fromFile.get());
            }
        }
        return spec;
    }

    private void fromEnv(Map<String, String> into, String key, String var) {
        String v = env.get(var);
        if (nonBlank(v)) {
            into.put(key, v);
        }
    }

    /** Parses a libpq URI, a jdbc:postgresql URL or a libpq key=value string. */
    static Map<String, String> parse(String text, String where) {
        String t = text.trim();
        try {
            if (t.startsWith("jdbc:postgresql:")) {
                return parseUri(t.substring("jdbc:".length()).replaceFirst("^postgresql:", "postgresql:"), true);
            }
            if (t.startsWith("postgresql://") || t.startsWith("postgres://")) {
                return parseUri(t, false);
            }
            if (t.contains("=")) {
                return KeyValueConninfo.parse(t);
            }
        } catch (IllegalArgumentException e) {
            throw badUrl(where, e.getMessage());
        }
        throw badUrl(where, "it is neither a postgresql:// URI, a jdbc:postgresql:// URL nor key=value settings");
    }

    private static Map<String, String> parseUri(String uri, boolean jdbc) {
        Map<String, String> out = new LinkedHashMap<>();
        String rest = uri.substring(uri.indexOf("://") + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String path = null;
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            path = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                putIfNotEmpty(out, "user", UrlCodec.decode(userInfo.substring(0, colon)));
                out.put("password", UrlCodec.decode(userInfo.substring(colon + 1)));
            } else {
                putIfNotEmpty(out, "user", UrlCodec.decode(userInfo));
            }
        }
        if (!rest.isEmpty()) {
            StringBuilder hosts = new StringBuilder();
            String port = null;
            for (String hp : rest.split(",")) {
                String h;
                String p = null;
                if (hp.startsWith("[")) {
                    int close = hp.indexOf(']');
                    if (close < 0) {
                        throw new IllegalArgumentException("unclosed [ in an IPv6 host");
                    }
                    h = hp.substring(1, close);
                    if (hp.length() > close + 1 && hp.charAt(close + 1) == ':') {
                        p = hp.substring(close + 2);
                    }
                } else {
                    int colon = hp.lastIndexOf(':');
                    h = colon >= 0 ? hp.substring(0, colon) : hp;
                    p = colon >= 0 ? hp.substring(colon + 1) : null;
                }
                if (hosts.length() > 0) {
                    hosts.append(',');
                }
                hosts.append(UrlCodec.decode(h));
                if (p != null && !p.isEmpty()) {
                    port = p;
                }
            }
            putIfNotEmpty(out, "host", hosts.toString());
            if (port != null) {
                out.put("port", port);
            }
        }
        if (path != null && !path.isEmpty()) {
            out.put("dbname", UrlCodec.decode(path));
        }
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = UrlCodec.decode(eq >= 0 ? pair.substring(0, eq) : pair);
                String v = UrlCodec.decode(eq >= 0 ? pair.substring(eq + 1) : "");
                if (jdbc && k.equals("ApplicationName")) {
                    k = "application_name";
                }
                out.put(k.equals("database") ? "dbname" : k, v);
            }
        }
        return out;
    }

    private static void putIfNotEmpty(Map<String, String> m, String k, String v) {
        if (!v.isEmpty()) {
            m.put(k, v);
        }
    }

    private static int parsePort(String p, String source) {
        try {
            int port = Integer.parseInt(p);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the problem below
        }
        throw badUrl(source, "port \"" + p + "\" is not a number from 1 to 65535");
    }

    private static Problem badUrl(String where, String detail) {
        return Problem.usage("The database address in " + where + " cannot be read: " + detail + ".")
                .why("The tool needs host, port, database and user to reach production.")
                .fix("Use the form postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require], "
                        + "a jdbc:postgresql:// URL, or libpq settings like \"host=... dbname=... user=...\".")
                .state("Nothing was changed.")
                .build();
    }

    private static boolean nonBlank(String s) {
        return s != null && !s.isBlank();
    }
}
