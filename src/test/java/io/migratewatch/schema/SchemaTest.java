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
}
