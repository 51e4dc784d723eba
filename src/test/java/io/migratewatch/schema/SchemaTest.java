package io.migratewatch.schema;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaTest {

    private static final Column ID = Column.of("id", ColumnType.BIGINT, false);
    private static final Column MEMBER_ID = Column.of("member_id", ColumnType.BIGINT, true);

    @Test
    void leavingATableAloneLeavesTheForeignKeysIntoItAlone() {
        Table member = Table.of("member", List.of(ID), new PrimaryKey(null, List.of("id")));
        ForeignKey toMember = new ForeignKey("fk_loan_member", List.of("member_id"), "member", List.of("id"), ReferentialAction.NO_ACTION);
        ForeignKey toBook = new ForeignKey("fk_loan_book", List.of("member_id"), "book", List.of("id"), ReferentialAction.NO_ACTION);
        Table loan = Table.of("loan", List.of(ID, MEMBER_ID), new PrimaryKey(null, List.of("id"))).withForeignKeys(List.of(toMember, toBook));

        Schema without = Schema.of(List.of(member, loan), List.of()).without(Set.of("member"));

        assertThat(without.tables().keySet()).containsExactly("loan");
        assertThat(without.tables().get("loan").foreignKeys()).containsExactly(toBook);
    }

    @Test
    void tablesReadAgainReplaceTheirOldSelvesAndTheRestStays() {
        Table member = Table.of("member", List.of(ID), new PrimaryKey(null, List.of("id")));
        Table loan = Table.of("loan", List.of(ID), new PrimaryKey(null, List.of("id")));
        Table book = Table.of("book", List.of(ID), new PrimaryKey(null, List.of("id")));
        Schema before = Schema.of(List.of(member, loan, book), List.of(new Sequence("old_seq", 1, 1)))
                .withComments(java.util.Map.of(CommentTarget.onTable("member"), "people", CommentTarget.onTable("loan"), "loans",
                        CommentTarget.onTable("book"), "books"));
        Table loanNow = Table.of("loan", List.of(ID, MEMBER_ID), new PrimaryKey(null, List.of("id")));
        // read again: loan changed, member is gone, and its comment went with it; book was not read again
        Schema fresh = Schema.of(List.of(loanNow), List.of(new Sequence("new_seq", 1, 1)))
                .withComments(java.util.Map.of(CommentTarget.onTable("loan"), "lendings"));

        Schema after = before.withTablesFrom(fresh, Set.of("member", "loan"));

        assertThat(after.tables()).containsOnlyKeys("loan", "book");
        assertThat(after.tables().get("loan")).isEqualTo(loanNow);
        assertThat(after.tables().get("book")).isEqualTo(book);
        assertThat(after.sequences()).containsOnlyKeys("new_seq");
        assertThat(after.comments()).containsOnly(java.util.Map.entry(CommentTarget.onTable("loan"), "lendings"),
                java.util.Map.entry(CommentTarget.onTable("book"), "books"));
    }
}
