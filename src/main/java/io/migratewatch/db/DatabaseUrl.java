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
            return withQueryCredentials(text, fromUri(text, defaultUser, defaultPassword));
        }
        if (text.startsWith("jdbc:postgresql:")) {
            String rest = text.substring("jdbc:".length());
            if (!rest.startsWith("postgresql://")) {
                // jdbc:postgresql:dbname
                return new DatabaseUrl(text, "localhost", 5432, rest.substring("postgresql:".length()), defaultUser, defaultPassword);
            }
            try {
                return withQueryCredentials(rest, fromUri(rest, defaultUser, defaultPassword));
            } catch (IllegalArgumentException e) {
                throw malformed(text); // names the URL as the user wrote it, jdbc: and all
            }
        }
        throw new IllegalArgumentException("not a PostgreSQL URL (expected jdbc:postgresql://host:port/db or "
                + "postgres://user:password@host:port/db): " + redact(text));
    }

    /** Takes user and password out of the query (both URL forms allow them there), so the JDBC URL never holds them. */
    private static DatabaseUrl withQueryCredentials(String text, DatabaseUrl parsed) {
        String user = queryParameter(text, "user");
        String password = queryParameter(text, "password");
        String plain = "jdbc:postgresql://" + parsed.host + ":" + parsed.port + "/" + parsed.database
                + otherParameters(text);
        return new DatabaseUrl(plain, parsed.host, parsed.port, parsed.database,
                user != null ? user : parsed.user, password != null ? password : parsed.password);
    }

    private static DatabaseUrl fromUri(String text, String defaultUser, String defaultPassword) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw malformed(text);
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String rawUserInfo = uri.getRawUserInfo();
        if (uri.getHost() == null && uri.getRawAuthority() != null) {
            // java.net.URI gives up on hosts such as docker-compose's "my_db" and on a bad port, and then
            // reports no host at all: read [user[:password]@]host[:port] here rather than fall back to localhost
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            rawUserInfo = at < 0 ? null : authority.substring(0, at);
            String hostPort = authority.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw malformed(text);
            }
            if (colon >= 0) {
                String portText = hostPort.substring(colon + 1);
                if (!portText.matches("[0-9]{1,5}")) {
                    throw malformed(text);
                }
                port = Integer.parseInt(portText);
            }
        }
        if (port > 65535) {
            throw malformed(text);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = path.startsWith("/") ? path.substring(1) : path;
        if (database.isEmpty()) {
            database = "postgres";
        }
        String user = defaultUser;
        String password = defaultPassword;
        if (rawUserInfo != null) {
            String[] parts = rawUserInfo.split(":", 2);
            try {
                user = decodeUserInfo(parts[0]);
                password = parts.length > 1 ? decodeUserInfo(parts[1]) : password;
            } catch (IllegalArgumentException e) {
                throw malformed(text);
            }
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

    private static IllegalArgumentException malformed(String text) {
        return new IllegalArgumentException("malformed database URL: " + redact(text));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** User info is percent-encoded only: unlike a form value, '+' is a plus sign, not a space (as libpq reads it). */
    private static String decodeUserInfo(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced by ***, for messages. */
    public static String redact(String url) {
        // up to the last '@': a password may hold an unencoded '@' (hiding too much is safer than too little)
        return url.replaceAll("(://[^:/@]*:).*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
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
