package io.migratewatch.schema;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnTypeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "int4|integer", "INT|integer", "integer|integer", "int8|bigint", "int2|smallint",
            "character varying(255)|varchar(255)", "VARCHAR(40)|varchar(40)", "character varying|varchar",
            "bpchar(1)|char(1)", "character(3)|char(3)", "char|char(1)",
            "numeric(38, 2)|numeric(38,2)", "decimal(10)|numeric(10,0)", "numeric|numeric",
            "float8|double precision", "float(53)|double precision", "double precision|double precision",
            "float4|real", "float(24)|real",
            "timestamp|timestamp(6)", "timestamp without time zone|timestamp(6)", "timestamp(3) without time zone|timestamp(3)",
            "timestamp(6) with time zone|timestamp(6) with time zone", "timestamptz|timestamp(6) with time zone",
            "timestamp with time zone|timestamp(6) with time zone",
            "time(0)|time(0)", "time without time zone|time(6)", "time(0) with time zone|time(0) with time zone",
            "bool|boolean", "character varying(255)[]|varchar(255)[]", "_int4|_int4", "integer[]|integer[]",
            "uuid|uuid", "jsonb|jsonb", "bytea|bytea", "oid|oid"})
    void canonicalSpelling(String spelling, String canonical) {
        assertThat(ColumnType.of(spelling).sql()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {"int4|integer", "character varying(255)|varchar(255)", "float(53)|float8",
            "timestamp(6) with time zone|timestamptz"})
    void spellingsOfOneTypeAreEqual(String a, String b) {
        assertThat(ColumnType.of(a)).isEqualTo(ColumnType.of(b));
    }

    @ParameterizedTest(name = "{0}: base {1}, args {2},{3}")
    @CsvSource(delimiter = '|', value = {"varchar(40)|varchar|40|-1", "numeric(12,2)|numeric|12|2",
            "timestamp(6) with time zone|timestamp with time zone|6|-1", "integer[]|integer|-1|-1"})
    void parts(String type, String base, int first, int second) {
        ColumnType t = ColumnType.of(type);
        assertThat(t.baseName()).isEqualTo(base);
        assertThat(t.firstArgument()).isEqualTo(first);
        assertThat(t.secondArgument()).isEqualTo(second);
    }
}
