package io.migratewatch.diff;

import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.Renames;
import io.migratewatch.schema.Schema;
import io.migratewatch.schema.Table;
import io.migratewatch.sql.SqlRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments on tables and columns: set, changed and removed like any other part of the schema, and reversible. */
class CommentDiffTest {

    private static final Table USERS = Table.of("users",
            List.of(Column.of("id", ColumnType.BIGINT, false), Column.of("email", ColumnType.TEXT, true)), new PrimaryKey(null, List.of("id")));

    private static Schema with(Map<CommentTarget, String> comments) {
        return Schema.of(List.of(USERS), List.of()).withComments(comments);
    }

    @Test
    void aNewCommentIsSetAndItsReverseRemovesIt() {
        SchemaDiff.Result diff = SchemaDiff.between(with(Map.of()), with(Map.of(CommentTarget.onColumn("users", "email"), "it's private")));

        assertThat(diff.changes()).containsExactly(new SetComment(CommentTarget.onColumn("users", "email"), null, "it's private"));
        SqlRenderer sql = new SqlRenderer("public");
        assertThat(sql.script(diff.changes())).isEqualTo("COMMENT ON COLUMN \"users\".\"email\" IS 'it''s private';");
        assertThat(sql.script(diff.reversed())).isEqualTo("COMMENT ON COLUMN \"users\".\"email\" IS NULL;");
    }

    @Test
    void aCommentFollowsItsTableThroughARename() {
        Schema have = with(Map.of(CommentTarget.onTable("users"), "people"));
        Schema want = Schema.of(List.of(USERS.withName("members")), List.of()).withComments(Map.of(CommentTarget.onTable("members"), "people"));

        SchemaDiff.Result diff = SchemaDiff.between(have, want, new Renames(Map.of("members", "users"), Map.of()));

        assertThat(diff.changes()).containsExactly(new RenameTable("users", "members"));
    }

    @Test
    void aDroppedTablesCommentsGoWithIt() {
        Schema have = with(Map.of(CommentTarget.onTable("users"), "people"));

        assertThat(SchemaDiff.between(have, Schema.EMPTY).changes()).noneMatch(c -> c instanceof SetComment);
    }
}
