package io.migratewatch.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The other sessions that hold a lock on a table a statement names, from {@code pg_locks} and
 * {@code pg_stat_activity}: after a lock timeout, who kept the migration waiting, what it last ran and its pid.
 */
public final class LockHolders {

    /** One session holding a lock: its pid, state, lock mode, table, seconds in its transaction and last query. */
    public record Holder(int pid, String state, String mode, String table, long seconds, String query) {

        public String describe() {
            String q = query.strip().replaceAll("\\s+", " ");
            return "session pid " + pid + " (" + state + (seconds >= 0 ? " for " + seconds + " s" : "") + ") holds " + mode
                    + " on \"" + table + "\"; its last query: " + (q.length() > 200 ? q.substring(0, 200) + "…" : q);
        }
    }

    private LockHolders() {
    }

    /** Who held the lock, for a message: each session described, or "another session" when none was found (it ended meanwhile). */
    public static String describe(List<Holder> holders) {
        return holders.isEmpty() ? "another session" : String.join("; ", holders.stream().map(Holder::describe).toList());
    }

    /** The sessions other than this one holding a lock on a table of {@code schema} whose name {@code sql} contains. */
    public static List<Holder> of(Connection c, String schema, String sql) throws SQLException {
        List<Holder> result = new ArrayList<>();
        String text = sql.toLowerCase(Locale.ROOT);
        try (PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT a.pid, coalesce(a.state, ''), l.mode, t.relname,
                       coalesce(extract(epoch FROM now() - coalesce(a.xact_start, a.query_start))::bigint, -1),
                       coalesce(a.query, '')
                FROM pg_locks l
                JOIN pg_class t ON t.oid = l.relation
                JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.granted AND l.pid <> pg_backend_pid() AND n.nspname = ? AND t.relkind IN ('r', 'p')
                ORDER BY 1""")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(4);
                    if (Pattern.compile("(^|[^a-z0-9_$])" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "([^a-z0-9_$]|$)")
                            .matcher(text).find()) {
                        result.add(new Holder(rs.getInt(1), rs.getString(2), rs.getString(3), table, rs.getLong(5), rs.getString(6)));
                    }
                }
            }
        }
        return result;
    }
}
