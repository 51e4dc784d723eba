package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.entity;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Column types Hibernate 7.4 creates on PostgreSQL for JDK types, {@code @JdbcTypeCode}, {@code @JdbcType} and
 * {@code @Type}; each expectation is the DDL Hibernate printed for the same field (model set {@code typesafe}).
 */
class HibernateTypesTest {

    @TempDir
    Path dir;

    private Column only(String field) {
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    " + field + "\n"));
        ParsedModel m = s.model();
        assertThat(m.warnings()).isEmpty();
        return table(m, "thing").columns().stream().filter(c -> !c.name().equals("id")).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            // JDK types without annotations
            "private ZoneOffset offset;                       | varchar(6)",
            "private java.net.InetAddress from;               | inet",
            "private Class<?> handler;                        | varchar(255)",
            "private java.sql.Blob original;                  | oid",
            "private java.sql.Clob text;                      | oid",
            "private java.io.Serializable state;              | bytea",
            "private java.net.URI home;                       | bytea",
            "private ArrayList<String> list;                  | bytea",
            "private YearMonth month;                         | bytea",
            "private Duration grace;                          | numeric(21,0)",
            "private Year year;                               | integer",
            "private OffsetTime cutOff;                       | time(0)",
            "private Instant at;                              | timestamp(6) with time zone",
            "@Column(length = 10) private char letter;        | char(10)",
            "@Column(length = 2) private Character suffix;    | char(2)",
            "private double[] weights;                        | double precision[]",
            "private List<UUID> reviewers;                    | uuid[]",
            "@Nationalized @Column(length = 80) private String alias; | varchar(80)",
            "@Lob @Nationalized private String body;          | oid",
            // @JdbcTypeCode
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.SQLXML) private String xml;          | xml",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR) @Column(length = 3) private String code; | char(3)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR) private UUID checksum;         | char(36)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR) private UUID batch;         | varchar(36)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.VARCHAR) private Integer version;    | varchar(11)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.LONGVARCHAR) private String notes;   | varchar(32600)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.LONG32VARCHAR) private String text;  | text",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.NUMERIC) private Long pages;         | numeric(19,0)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.DECIMAL) private Double score;       | numeric(17,2)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.INTEGER) private Long words;         | integer",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT) private Integer size;        | bigint",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.FLOAT) private Double ratio;         | double precision",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.DOUBLE) private Float light;         | real",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.TIMESTAMP_UTC) private Instant at;   | timestamp(6) with time zone",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.INTERVAL_SECOND) private Duration d; | interval second(6)",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.UUID) private UUID correlation;      | uuid",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY) private Set<Integer> pages;   | integer[]",
            "@JdbcTypeCode(org.hibernate.type.SqlTypes.JSON_ARRAY) private List<String> h;  | jsonb",
            "@JdbcTypeCode(3001) private Map<String, Object> meta;                          | jsonb",
            // @JdbcType with Hibernate's own classes
            "@JdbcType(org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType.class) private String s;            | varchar(32600)",
            "@JdbcType(org.hibernate.type.descriptor.jdbc.VarcharJdbcType.class) private UUID ref;                | varchar(36)",
            "@JdbcType(org.hibernate.dialect.type.PostgreSQLJsonPGObjectJsonType.class) private String raw;       | jsonb",
            "@JdbcType(org.hibernate.dialect.PostgreSQLJsonPGObjectJsonType.class) private String raw;            | jsonb",
            // Hypersistence user types, as that library documents them for PostgreSQL (not on the fidelity classpath)
            "@Type(io.hypersistence.utils.hibernate.type.json.JsonType.class) private Map<String, Object> doc;    | jsonb",
            "@Type(io.hypersistence.utils.hibernate.type.json.JsonBinaryType.class) private String doc;           | jsonb",
            "@Type(io.hypersistence.utils.hibernate.type.array.StringArrayType.class) private String[] tags;      | text[]",
            "@Type(io.hypersistence.utils.hibernate.type.array.IntArrayType.class) private int[] sizes;           | integer[]",
            "@Type(com.vladmihalcea.hibernate.type.array.LongArrayType.class) private long[] ids;                 | bigint[]",
    })
    void columnType(String field, String expected) {
        assertThat(only(field).type().sql()).isEqualTo(expected);
    }

    @Test
    void aBooleanStoredAsCharGetsHibernatesTrueFalseCheck() {
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    @JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR) private Boolean signed;\n"));
        ParsedModel m = s.model();
        assertThat(column(m, "thing", "signed").type().sql()).isEqualTo("char(1)");
        assertThat(table(m, "thing").checks()).extracting(CheckConstraint::expression)
                .containsExactly("\"signed\" in ('F','T')");
    }

    /** Hibernate 6.6.56 (typesafe set): no check on the 'F'/'T' char, and a double's default precision of 53. */
    @Test
    void onHibernateSixACharBooleanHasNoCheckAndADecimalDoubleHasPrecision53() {
        Sources s = new Sources(dir);
        s.write(entity("Thing", """
                    @JdbcTypeCode(org.hibernate.type.SqlTypes.CHAR) private Boolean signed;
                    @JdbcTypeCode(org.hibernate.type.SqlTypes.DECIMAL) private Double score;
                    @JdbcTypeCode(org.hibernate.type.SqlTypes.NUMERIC) @Column(precision = 8, scale = 3) private Double weight;
                """));
        ParsedModel m = s.model(Sources.SPRING_6);
        assertThat(column(m, "thing", "signed").type().sql()).isEqualTo("char(1)");
        assertThat(table(m, "thing").checks()).isEmpty();
        assertThat(column(m, "thing", "score").type().sql()).isEqualTo("numeric(53,2)");
        assertThat(column(m, "thing", "weight").type().sql()).isEqualTo("numeric(8,3)");
    }

    @Test
    void anUnknownUserTypeAsksForAColumnDefinition() {
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    @Type(com.acme.MoneyType.class) private String money;\n"));
        assertThatThrownBy(s::model).hasMessageContaining("MoneyType").hasMessageContaining("Thing.java:")
                .hasMessageContaining("columnDefinition");
    }

    @Test
    void aUserTypeWithAColumnDefinitionIsThatColumn() {
        assertThat(only("@Type(com.acme.MoneyType.class) @Column(columnDefinition = \"numeric(12,2)\") private String money;")
                .type().sql()).isEqualTo("numeric(12,2)");
    }

    @Test
    void anApplicationsOwnJdbcTypeAsksForAColumnDefinition() {
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    @JdbcType(com.acme.PointJdbcType.class) private String point;\n"));
        assertThatThrownBy(s::model).hasMessageContaining("PointJdbcType").hasMessageContaining("columnDefinition");
    }

    @Test
    void wrapperByteArraysAreRefusedAsHibernateRefusesThem() {
        Sources s = new Sources(dir);
        s.write(entity("Thing", "    private Byte[] data;\n"));
        assertThatThrownBy(s::model).hasMessageContaining("Byte[]").hasMessageContaining("byte[]");
    }

    @Test
    void aWrapperByteArrayWithLobIsALargeObject() {
        assertThat(only("@Lob private Byte[] data;").type().sql()).isEqualTo("oid");
    }

    @Test
    void aWatchedSerializableValueClassIsStoredAsBytes() {
        Sources s = new Sources(dir);
        s.write("package app;\npublic class Receipt implements java.io.Serializable { private String text; }\n");
        s.write(entity("Thing", "    private Receipt receipt;\n"));
        assertThat(column(s.model(), "thing", "receipt").type().sql()).isEqualTo("bytea");
    }
}
