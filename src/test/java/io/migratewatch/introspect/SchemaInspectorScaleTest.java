package io.migratewatch.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Table;
import io.migratewatch.support.TestDatabase;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The inspector's cost does not grow with the number of tables in queries: a schema of 1,000
 * tables is read with as many statements as a schema of one.
 */
class SchemaInspectorScaleTest {

    private static final int TABLES = 1000;

    private static TestDatabase db;

    @BeforeAll
    static void createSchemas() {
        db = TestDatabase.create("introspect");
        db.execute(
                "CREATE SCHEMA small",
                "CREATE TABLE small.only_one (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)",
                "CREATE SCHEMA big",
                """
                DO $$
                BEGIN
                  FOR i IN 1..%d LOOP
                    EXECUTE format(
                      'CREATE TABLE big.%%I ('
                      || ' id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,'
                      || ' name varchar(100) NOT NULL,'
                      || ' code text CONSTRAINT %%I UNIQUE,'
                      || ' parent_id bigint %%s,'
                      || ' amount numeric(10,2) NOT NULL DEFAULT 0 CHECK (amount >= 0),'
                      || ' tags text[],'
                      || ' created_at timestamp(6) with time zone NOT NULL DEFAULT now())',
                      't' || i, 't' || i || '_code_key',
                      CASE WHEN i > 1 THEN format('REFERENCES big.%%I (id) ON DELETE CASCADE', 't' || (i - 1)) ELSE '' END);
                    EXECUTE format('CREATE INDEX %%I ON big.%%I (created_at DESC, name)', 't' || i || '_created_idx', 't' || i);
                    EXECUTE format('CREATE INDEX %%I ON big.%%I (lower(name)) WHERE parent_id IS NOT NULL',
                                   't' || i || '_lower_idx', 't' || i);
                    IF i %% 10 = 0 THEN
                      EXECUTE format('CREATE SEQUENCE big.%%I INCREMENT BY 50', 's' || i);
                    END IF;
                  END LOOP;
                END $$""".formatted(TABLES),
                "ANALYZE");
    }

    @AfterAll
    static void dropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aThousandTablesTakeAsManyQueriesAsOne() throws SQLException {
        try (Connection c = db.connect()) {
            AtomicInteger smallCount = new AtomicInteger();
            Schema small = new SchemaInspector("small", "migrate_watch_history").inspect(counting(c, smallCount));
            assertThat(small.tables()).hasSize(1);

            AtomicInteger bigCount = new AtomicInteger();
            Schema big = new SchemaInspector("big", "migrate_watch_history").inspect(counting(c, bigCount));
            assertThat(big.tables()).hasSize(TABLES);
            assertThat(big.sequences()).hasSize(TABLES / 10);
            Table t500 = big.table("t500").orElseThrow();
            assertThat(t500.columns()).hasSize(7);
            assertThat(t500.foreignKeys()).hasSize(1);
            assertThat(t500.uniques()).hasSize(1);
            assertThat(t500.checks()).hasSize(1);
            assertThat(t500.indexes()).hasSize(2);

            System.out.printf("introspect: statements for 1 table: %d, for %d tables: %d%n",
                    smallCount.get(), TABLES, bigCount.get());
            // tables and columns, constraints, indexes, sequences, comments
            assertThat(bigCount.get()).isEqualTo(smallCount.get()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void repeatedInspectionsOfAThousandTablesOnOneConnectionReadTheSameSchema() throws SQLException {
        // how long an inspection of 1,000 tables takes is a figure of PipelineBenchmark (see the README), not a test
        SchemaInspector inspector = new SchemaInspector("big", "migrate_watch_history");
        try (Connection c = db.connect()) {
            Schema first = inspector.inspect(c);
            assertThat(first.tables()).hasSize(TABLES);
            assertThat(new SchemaInspector("small", "migrate_watch_history").inspect(c).tables()).containsOnlyKeys("only_one");
            for (int run = 0; run < 3; run++) {
                assertThat(inspector.inspect(c)).as("inspection %d of the same database", run + 2).isEqualTo(first);
            }
        }
    }

    /** The same connection, counting the statements prepared or created on it. */
    private static Connection counting(Connection target, AtomicInteger statements) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall")) {
                statements.incrementAndGet();
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
