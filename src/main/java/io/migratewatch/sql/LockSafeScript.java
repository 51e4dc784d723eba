package io.migratewatch.sql;

import io.migratewatch.diff.AddCheck;
import io.migratewatch.diff.AddForeignKey;
import io.migratewatch.diff.AddUnique;
import io.migratewatch.diff.AlterColumnNullability;
import io.migratewatch.diff.Change;
import io.migratewatch.diff.CreateIndex;
import io.migratewatch.diff.CreateTable;
import io.migratewatch.diff.DropIndex;
import io.migratewatch.diff.TableChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.migratewatch.schema.Identifiers.quote;
import static io.migratewatch.schema.Identifiers.quoteAll;

/**
 * A migration section written so that it does not block a live table's readers and writers. On tables that exist
 * before the migration (tables it creates keep plain statements):
 * <ul>
 * <li>an index is built or dropped {@code CONCURRENTLY}, in a step outside the transaction;</li>
 * <li>a unique constraint is a unique index built concurrently, then {@code ADD CONSTRAINT … UNIQUE USING INDEX};</li>
 * <li>a foreign key or check is added {@code NOT VALID} (a brief lock, no scan) and validated in a later step of its
 * own, which scans the table without blocking writes;</li>
 * <li>{@code SET NOT NULL} is preceded by a validated {@code CHECK (col IS NOT NULL)}, which lets PostgreSQL skip its
 * scan under the exclusive lock; the check is dropped afterwards.</li>
 * </ul>
 * Steps are marked with {@code -- +step} lines (see the migration file format).
 */
public final class LockSafeScript {

    private static final String NO_TRANSACTION = "-- +step no-transaction";
    private static final String TRANSACTION = "-- +step transaction";
    private static final Pattern CONCURRENTLY = Pattern.compile("(?i)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX))\\s+CONCURRENTLY\\b");

    private LockSafeScript() {
    }

    /** The section for {@code changes}, lock-safe; the plain script when nothing in it needs a step of its own. */
    public static String script(SqlRenderer renderer, List<Change> changes) {
        Set<String> created = changes.stream().filter(c -> c instanceof CreateTable).map(c -> ((CreateTable) c).table().name())
                .collect(Collectors.toSet());
        List<List<String>> steps = new ArrayList<>();
        List<Boolean> transactional = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> validations = new ArrayList<>();
        // after every validation: SET NOT NULL takes an exclusive lock that must not be held while a validation scans
        List<String> finals = new ArrayList<>();
        for (Change change : changes) {
            boolean existing = change instanceof TableChange t && !created.contains(t.table());
            if (!existing) {
                current.add(renderer.render(change));
            } else if (change instanceof CreateIndex ix) {
                close(steps, transactional, current);
                String plain = renderer.render(ix);
                steps.add(List.of(plain.replaceFirst("INDEX ", "INDEX CONCURRENTLY IF NOT EXISTS ")));
                transactional.add(false);
            } else if (change instanceof DropIndex ix) {
                close(steps, transactional, current);
                steps.add(List.of("DROP INDEX CONCURRENTLY IF EXISTS " + renderer.name(ix.index().name())));
                transactional.add(false);
            } else if (change instanceof AddUnique u) {
                close(steps, transactional, current);
                String name = quote(u.constraint().name());
                steps.add(List.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + renderer.name(u.table())
                        + " (" + quoteAll(u.constraint().columns()) + ")"));
                transactional.add(false);
                current.add(alter(renderer, u.table()) + "ADD CONSTRAINT " + name + " UNIQUE USING INDEX " + name);
            } else if (change instanceof AddForeignKey fk) {
                current.add(renderer.render(fk) + " NOT VALID");
                validations.add(alter(renderer, fk.table()) + "VALIDATE CONSTRAINT " + quote(fk.constraint().name()));
            } else if (change instanceof AddCheck ck) {
                current.add(renderer.render(ck) + " NOT VALID");
                validations.add(alter(renderer, ck.table()) + "VALIDATE CONSTRAINT " + quote(ck.constraint().name()));
            } else if (change instanceof AlterColumnNullability n && !n.nullable()) {
                String check = quote(notNullCheck(n.column()));
                current.add(alter(renderer, n.table()) + "ADD CONSTRAINT " + check + " CHECK (" + quote(n.column()) + " IS NOT NULL) NOT VALID");
                validations.add(alter(renderer, n.table()) + "VALIDATE CONSTRAINT " + check);
                finals.add(renderer.render(n));
                finals.add(alter(renderer, n.table()) + "DROP CONSTRAINT " + check);
            } else {
                current.add(renderer.render(change));
            }
        }
        close(steps, transactional, current);
        close(steps, transactional, validations);
        close(steps, transactional, finals);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                sb.append("\n\n");
            }
            if (i > 0 || !transactional.get(i)) {
                sb.append(transactional.get(i) ? TRANSACTION : NO_TRANSACTION).append('\n');
            }
            sb.append(steps.get(i).stream().map(st -> st + ";").collect(Collectors.joining("\n\n")));
        }
        return sb.toString();
    }

    /**
     * The section as one transaction can run it: {@code CONCURRENTLY} cannot run inside a transaction block, so the
     * proof, which runs a migration in a transaction it rolls back, runs the same statements without it. Building an
     * index concurrently or not gives the same index; every other statement runs as written.
     */
    public static String inTransaction(String sql) {
        return sql.lines().map(line -> CONCURRENTLY.matcher(line).replaceFirst("$1")).collect(Collectors.joining("\n"));
    }

    private static void close(List<List<String>> steps, List<Boolean> transactional, List<String> current) {
        if (!current.isEmpty()) {
            steps.add(List.copyOf(current));
            transactional.add(true);
            current.clear();
        }
    }

    private static String alter(SqlRenderer renderer, String table) {
        return "ALTER TABLE " + renderer.name(table) + " ";
    }

    /** The temporary check's name: within PostgreSQL's 63 bytes. */
    static String notNullCheck(String column) {
        String suffix = "_not_null";
        return (column.length() > 63 - suffix.length() ? column.substring(0, 63 - suffix.length()) : column) + suffix;
    }
}
