package io.migratewatch.diff;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.CommentTarget;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.ForeignKey;
import io.migratewatch.schema.Identity;
import io.migratewatch.schema.Index;
import io.migratewatch.schema.IndexColumn;
import io.migratewatch.schema.PrimaryKey;
import io.migratewatch.schema.ReferentialAction;
import io.migratewatch.schema.Sequence;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;
import io.migratewatch.sql.SqlRenderer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every change type promises, checked on one example of each: a new change type fails the
 * first test until it has an example here, and then every other promise is checked for it too.
 */
class ChangeContractTest {

    private static final Table USERS = new Table("users",
            List.of(new Column("id", ColumnType.BIGINT, false, null, Identity.BY_DEFAULT), Column.of("email", ColumnType.varchar(80), true)),
            new PrimaryKey("users_pkey", List.of("id")), List.of(), List.of(), List.of(), List.of());
    private static final ForeignKey FK = new ForeignKey("fk_owner", List.of("owner_id"), "users", List.of("id"), ReferentialAction.CASCADE);
    private static final Sequence SEQ = new Sequence("users_seq", 1, 50);

    /** One of each; the changes that can lose data on some data are named in {@link #CAN_LOSE_DATA}. */
    private static final List<Change> EXAMPLES = List.of(
            new CreateTable(USERS),
            new DropTable(USERS),
            new RenameTable("users", "members"),
            new AddColumn("users", Column.of("age", ColumnType.INTEGER, false)),
            new DropColumn("users", Column.of("age", ColumnType.INTEGER, true)),
            new RenameColumn("users", "age", "years"),
            new RenameConstraint("orders", "fk_owner", "fk_member"),
            new RenameIndex("users", "ix_email", "ix_users_email"),
            new AlterColumnType("users", "email", ColumnType.TEXT, ColumnType.varchar(40)),
            new AlterColumnNullability("users", "email", false),
            new AlterColumnDefault("users", "email", null, "'x'"),
            new AlterColumnIdentity("users", "id", Identity.NONE, Identity.ALWAYS),
            new AddPrimaryKey("users", new PrimaryKey("users_pkey", List.of("id"))),
            new DropPrimaryKey("users", new PrimaryKey("users_pkey", List.of("id"))),
            new AddForeignKey("orders", FK),
            new DropForeignKey("orders", FK),
            new AddUnique("users", new UniqueConstraint("uk_email", List.of("email"))),
            new DropUnique("users", new UniqueConstraint("uk_email", List.of("email"))),
            new CreateIndex("users", new Index("ix_email", List.of(IndexColumn.of("email")), false, null)),
            new DropIndex("users", new Index("ix_email", List.of(IndexColumn.of("email")), false, null)),
            new AddCheck("users", new CheckConstraint("ck_age", "\"age\" >= 0")),
            new DropCheck("users", new CheckConstraint("ck_age", "\"age\" >= 0")),
            new CreateSequence(SEQ),
            new DropSequence(SEQ),
            new AlterSequence(SEQ, new Sequence("users_seq", 1, 1)),
            new SetComment(CommentTarget.onColumn("users", "email"), null, "where receipts go, it's checked"));

    private static final Set<Class<?>> CAN_LOSE_DATA = Set.of(DropTable.class, DropColumn.class, AddColumn.class,
            AlterColumnType.class, AlterColumnNullability.class, DropSequence.class);

    private static final LiveData EMPTY = new LiveData() {
        @Override
        public long rows(String table) {
            return 0;
        }

        @Override
        public long values(String table, String column) {
            return 0;
        }

        @Override
        public long sequencePosition(String sequence) {
            return 0;
        }
    };

    @Test
    void everyChangeTypeHasAnExample() {
        Set<String> covered = EXAMPLES.stream().map(c -> c.getClass().getSimpleName()).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(changeTypes(Change.class));
    }

    /** The records below a sealed interface, through the interfaces in between. */
    private static Set<String> changeTypes(Class<?> type) {
        if (!type.isInterface()) {
            return Set.of(type.getSimpleName());
        }
        return Arrays.stream(type.getPermittedSubclasses()).flatMap(t -> changeTypes(t).stream()).collect(Collectors.toSet());
    }

    @Test
    void theReverseOfTheReverseIsTheChangeItself() {
        EXAMPLES.forEach(c -> assertThat(c.reverse().reverse()).as(c.describe()).isEqualTo(c));
    }

    @Test
    void everyChangeRendersOneStatementThatNamesTheTablesItTouches() {
        SqlRenderer renderer = new SqlRenderer("public");
        for (Change c : EXAMPLES) {
            String sql = renderer.render(c);
            assertThat(sql).as(c.describe()).isNotBlank().doesNotContain(";");
            if (!(c instanceof DropIndex || c instanceof RenameIndex)) { // DROP INDEX and ALTER INDEX name only the index
                c.tables().forEach(t -> assertThat(sql).as(c.describe()).contains("\"" + t + "\""));
            }
            assertThat(c.tables().isEmpty()).as(c.describe()).isEqualTo(c.subject() == Change.Subject.SEQUENCE);
        }
    }

    @Test
    void exactlyTheRiskyChangesCanLoseDataAndNoneDoesOnEmptyData() throws Exception {
        for (Change c : EXAMPLES) {
            assertThat(c.canLoseData()).as(c.describe()).isEqualTo(CAN_LOSE_DATA.contains(c.getClass()));
            assertThat(c.loss(EMPTY)).as(c.describe()).isEqualTo(Optional.empty());
        }
    }

    @Test
    void aLossSaysWhatIsLostAndHowMuch() throws Exception {
        LiveData some = new LiveData() {
            @Override
            public long rows(String table) {
                return 1204;
            }

            @Override
            public long values(String table, String column) {
                return 1;
            }

            @Override
            public long sequencePosition(String sequence) {
                return 51;
            }
        };
        assertThat(new DropTable(USERS).loss(some).orElseThrow().explanation()).isEqualTo("drops table users (1,204 rows)");
        assertThat(new DropColumn("users", Column.of("age", ColumnType.INTEGER, true)).loss(some).orElseThrow().explanation())
                .isEqualTo("drops column users.age (1 value)");
        assertThat(new AlterColumnNullability("users", "email", false).loss(some).orElseThrow().values()).isEqualTo(1203);
        assertThat(new DropSequence(SEQ).loss(some).orElseThrow().explanation()).startsWith("drops sequence users_seq (at 51;");
        assertThat(new AlterColumnType("users", "id", ColumnType.INTEGER, ColumnType.BIGINT).loss(some)).as("widening").isEmpty();
        assertThat(new AddColumn("users", Column.of("age", ColumnType.INTEGER, true)).loss(some)).as("nullable").isEmpty();
    }
}
