package io.migratewatch.introspect;

import static org.assertj.core.api.Assertions.assertThat;

import io.migratewatch.support.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The digest a large migration's proof compares before its up section and after its down section. */
class CatalogDigestTest {

    private static final Set<String> NAMES = Set.of("parent", "child", "parent_id_seq", "migrate_watch_history");
    private static final Set<String> EXCLUDED = Set.of("migrate_watch_history");

    private TestDatabase db;

    @BeforeEach
    void createSchema() {
        db = TestDatabase.create("digest");
        db.execute(
                "CREATE TABLE parent (id bigserial PRIMARY KEY, code varchar(20) NOT NULL DEFAULT 'x' UNIQUE)",
                "CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint CONSTRAINT child_parent_fk REFERENCES parent (id),"
                        + " amount numeric(10, 2) CONSTRAINT child_amount_positive CHECK (amount > 0))",
                "CREATE INDEX child_parent_idx ON child (parent_id)",
                "COMMENT ON TABLE parent IS 'the parents'",
                "COMMENT ON COLUMN parent.code IS 'short code'",
                "COMMENT ON CONSTRAINT child_amount_positive ON child IS 'no refunds here'",
                "COMMENT ON INDEX child_parent_idx IS 'lookups by parent'",
                "CREATE TABLE migrate_watch_history (revision text)");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void objectsDroppedAndCreatedAgainAsTheyWereReadTheSame() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            CatalogDigest before = CatalogDigest.read(c, NAMES, EXCLUDED);
            s.execute("DROP TABLE child");
            s.execute("CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint CONSTRAINT child_parent_fk REFERENCES parent (id),"
                    + " amount numeric(10, 2) CONSTRAINT child_amount_positive CHECK (amount > 0))");
            s.execute("CREATE INDEX child_parent_idx ON child (parent_id)");
            s.execute("COMMENT ON CONSTRAINT child_amount_positive ON child IS 'no refunds here'");
            s.execute("COMMENT ON INDEX child_parent_idx IS 'lookups by parent'");
            s.execute("INSERT INTO migrate_watch_history VALUES ('abc')");

            assertThat(CatalogDigest.read(c, NAMES, EXCLUDED)).isEqualTo(before);
            assertThat(before.facts()).isGreaterThan(10);
        }
    }

    @Test
    void everyCommentIsPartOfTheDigest() throws SQLException {
        for (String change : List.of(
                "COMMENT ON TABLE parent IS 'the parent rows'",
                "COMMENT ON COLUMN parent.code IS NULL",
                "COMMENT ON COLUMN child.amount IS 'in euros'",
                "COMMENT ON CONSTRAINT child_amount_positive ON child IS 'refunds elsewhere'",
                "COMMENT ON INDEX child_parent_idx IS NULL")) {
            assertThat(differenceAfter(change)).as(change).isNotEmpty();
        }
    }

    @Test
    void theDifferencesNameWhatChanged() throws SQLException {
        assertThat(differenceAfter("COMMENT ON COLUMN parent.code IS 'the code'"))
                .containsExactly("- column public.parent.code character varying(20) not null identity  generated  collation 100"
                                + " default 'x'::character varying comment short code",
                        "+ column public.parent.code character varying(20) not null identity  generated  collation 100"
                                + " default 'x'::character varying comment the code");
        assertThat(differenceAfter("ALTER TABLE child DROP CONSTRAINT child_parent_fk"))
                .containsExactly("- constraint public.child.child_parent_fk FOREIGN KEY (parent_id) REFERENCES parent(id)");
        assertThat(differenceAfter("ALTER SEQUENCE parent_id_seq INCREMENT BY 5"))
                .containsExactly("- sequence public.parent_id_seq bigint start 1 increment 1 min 1 max 9223372036854775807 cache 1 cycle false",
                        "+ sequence public.parent_id_seq bigint start 1 increment 5 min 1 max 9223372036854775807 cache 1 cycle false");
    }

    @Test
    void namesNotAskedForAndExcludedOnesAreLeftOut() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            CatalogDigest before = CatalogDigest.read(c, NAMES, EXCLUDED);
            s.execute("CREATE TABLE unrelated (id integer)");
            s.execute("ALTER TABLE migrate_watch_history ADD COLUMN applied_at timestamptz");
            assertThat(CatalogDigest.read(c, NAMES, EXCLUDED)).isEqualTo(before);
            assertThat(CatalogDigest.read(c, Set.of("unrelated"), EXCLUDED)).isNotEqualTo(CatalogDigest.read(c, Set.of(), EXCLUDED));
        }
    }

    private List<String> differenceAfter(String change) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            List<String> before = CatalogDigest.facts(c, NAMES, EXCLUDED);
            CatalogDigest digest = CatalogDigest.read(c, NAMES, EXCLUDED);
            s.execute(change);
            List<String> after = CatalogDigest.facts(c, NAMES, EXCLUDED);
            assertThat(CatalogDigest.read(c, NAMES, EXCLUDED).equals(digest)).as("digest equal after " + change).isEqualTo(before.equals(after));
            c.rollback();
            return CatalogDigest.differences(before, after, 10);
        }
    }
}
