package io.migratewatch.diff;

import io.migratewatch.introspect.SchemaInspector;
import io.migratewatch.schema.Schema;
import io.migratewatch.sql.SqlRenderer;
import io.migratewatch.support.RandomSchemas;
import io.migratewatch.support.TestDatabase;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For random pairs of schemas: diff → render → apply to a real database → the database now has the
 * target schema; the reversed changes bring back the source schema exactly.
 */
class DiffRoundTripPropertyTest {

    private static TestDatabase db;
    private static final SqlRenderer RENDERER = new SqlRenderer("public");
    private static final SchemaInspector INSPECTOR = new SchemaInspector("public", "migrate_watch_history");

    @BeforeContainer
    static void start() {
        db = TestDatabase.create("diffprop");
    }

    @AfterContainer
    static void stop() {
        db.close();
    }

    @Property(tries = 200)
    void upReachesTargetAndDownReturnsToSource(@ForAll long seedA, @ForAll long seedB) throws SQLException {
        Schema source = RandomSchemas.schema(new Random(seedA));
        Schema target = RandomSchemas.schema(new Random(seedB));
        try (Connection c = db.connect()) {
            reset(c);
            run(c, SchemaDiff.between(Schema.EMPTY, source).changes());
            assertThat(INSPECTOR.inspect(c)).as("source schema created from empty").isEqualTo(source);

            SchemaDiff.Result diff = SchemaDiff.between(source, target);
            run(c, diff.changes());
            assertThat(INSPECTOR.inspect(c)).as("after up").isEqualTo(target);
            assertThat(SchemaDiff.between(INSPECTOR.inspect(c), target).changes()).as("no changes left after up").isEmpty();

            run(c, diff.reversed());
            assertThat(INSPECTOR.inspect(c)).as("after down").isEqualTo(source);
        }
    }

    private static void reset(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    private static void run(Connection c, List<Change> changes) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : RENDERER.render(changes)) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + "\n  statement: " + sql + "\n  all: " + RENDERER.render(changes), e);
                }
            }
        }
    }
}
