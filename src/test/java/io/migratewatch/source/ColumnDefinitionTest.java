package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnDefinitionTest {

    @Test
    void typeOnly() {
        ColumnDefinition d = ColumnDefinition.parse("VARCHAR(20)");
        assertThat(d.type()).isEqualTo(ColumnType.varchar(20));
        assertThat(d.notNull()).isFalse();
        assertThat(d.defaultValue()).isNull();
        assertThat(d.unsupported()).isNull();
    }

    @Test
    void multiWordTypesAndClausesInAnyOrder() {
        ColumnDefinition d = ColumnDefinition.parse("timestamp with time zone default now() not null unique");
        assertThat(d.type().sql()).isEqualTo("timestamp(6) with time zone");
        assertThat(d.defaultValue()).isEqualTo("now()");
        assertThat(d.notNull()).isTrue();
        assertThat(d.unique()).isTrue();
    }

    @Test
    void defaultsWithQuotesParenthesesAndNull() {
        assertThat(ColumnDefinition.parse("varchar(10) default 'it''s not null' not null").defaultValue())
                .isEqualTo("'it''s not null'");
        assertThat(ColumnDefinition.parse("numeric(10,2) default (1 + 2) check (x > 0)").defaultValue()).isEqualTo("(1 + 2)");
        assertThat(ColumnDefinition.parse("numeric(10,2) default (1 + 2) check (x > 0)").check()).isEqualTo("x > 0");
        assertThat(ColumnDefinition.parse("text default null").defaultValue()).isEqualTo("null");
        assertThat(ColumnDefinition.parse("text null").notNull()).isFalse();
    }

    @Test
    void clausesThatWouldChangeTheSchemaUnseenAreUnsupported() {
        assertThat(ColumnDefinition.parse("bigint references other(id)").unsupported()).isEqualTo("references other(id)");
        assertThat(ColumnDefinition.parse("serial").unsupported()).isEqualTo("serial");
        assertThat(ColumnDefinition.parse("text collate \"C\"").unsupported()).isEqualTo("collate \"C\"");
        assertThat(ColumnDefinition.parse("not null").unsupported()).isNotNull();
    }
}
