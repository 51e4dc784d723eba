package io.migratewatch.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where a database is and how to log in. Accepts both {@code jdbc:postgresql://host:port/db} and
 * the {@code postgres://user:pass@host:port/db} form that DATABASE_URL usually has. The password
 * never appears in {@link #toString()} or {@link #redacted()}.
 */
public record DatabaseUrl(String jdbcUrl, String host, int port, String database, String user, String password) {

    public DatabaseUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    public static DatabaseUrl parse(String url, String defaultUser, String defaultPassword) {
        String text = url.trim();
        if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            return fromUri(text, defaultUser, defaultPassword);
        }
        if (text.startsWith("jdbc:postgresql:")) {
            String rest = text.substring("jdbc:".length());
            if (!rest.startsWith("postgresql://")) {
                // jdbc:postgresql:dbname
                return new DatabaseUrl(text, "localhost", 5432, rest.substring("postgresql:".length()), defaultUser, defaultPassword);
            }
            DatabaseUrl parsed = fromUri(rest, defaultUser, defaultPassword);
            String user = queryParameter(rest, "user");
            String password = queryParameter(rest, "password");
            String plain = "jdbc:postgresql://" + parsed.host + ":" + parsed.port + "/" + parsed.database
                    + otherParameters(rest);
            return new DatabaseUrl(plain, parsed.host, parsed.port, parsed.database,
                    user != null ? user : parsed.user, password != null ? password : parsed.password);
        }
        throw new IllegalArgumentException("not a PostgreSQL URL (expected jdbc:postgresql://host:port/db or "
                + "postgres://user:password@host:port/db): " + redact(text));
    }

    private static DatabaseUrl fromUri(String text, String defaultUser, String defaultPassword) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed database URL: " + redact(text));
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            database = "postgres";
        }
        String user = defaultUser;
        String password = defaultPassword;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : password;
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + "/" + database + query,
                host, port, database, user, password);
    }

    private static String queryParameter(String text, String name) {
        int q = text.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : text.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return decode(kv[1]);
            }
        }
        return null;
    }

    private static String otherParameters(String text) {
        int q = text.indexOf('?');
        if (q < 0) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : text.substring(q + 1).split("&")) {
            if (pair.startsWith("user=") || pair.startsWith("password=") || pair.isEmpty()) {
                continue;
            }
            kept.append(kept.length() == 0 ? "?" : "&").append(pair);
        }
        return kept.toString();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by ***, for messages. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]+:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(jdbcUrl.replaceFirst("/" + java.util.regex.Pattern.quote(database) + "(\\?|$)",
                "/" + otherDatabase + "$1"), host, port, otherDatabase, user, password);
    }

    public String redacted() {
        return jdbcUrl + (user == null ? "" : " (user " + user + ")");
    }

    public String hostAndPort() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return redacted();
    }
}
