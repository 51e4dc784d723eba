package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import io.migratewatch.schema.Column;
import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Table;
import io.migratewatch.schema.UniqueConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.entity;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** docs/mapping.md "Basic types" and the @Column family, one rule per test. */
class BasicTypeMappingTest {

    @TempDir
    Path dir;

    private ParsedModel model(String body) {
        return model(body, Sources.SPRING_7);
    }

    private ParsedModel model(String body, MappingOptions options) {
        Sources s = new Sources(dir);
        s.write(entity("Thing", body));
        ParsedModel m = s.model(options);
        assertThat(m.warnings()).isEmpty();
        return m;
    }

    private Column only(String body, String column) {
        return column(model(body), "thing", column);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "String          | varchar(255)                 | true",
            "Integer         | integer                      | true",
            "int             | integer                      | false",
            "Long            | bigint                       | true",
            "long            | bigint                       | false",
            "Short           | smallint                     | true",
            "short           | smallint                     | false",
            "Byte            | smallint                     | true",
            "byte            | smallint                     | false",
            "Boolean         | boolean                      | true",
            "boolean         | boolean                      | false",
            "BigDecimal      | numeric(38,2)                | true",
            "BigInteger      | numeric(38,0)                | true",
            "Double          | double precision             | true",
            "double          | double precision             | false",
            "Float           | real                         | true",
            "float           | real                         | false",
            "char            | char(1)                      | false",
            "Character       | char(1)                      | true",
            "LocalDate       | date                         | true",
            "LocalTime       | time(0)                      | true",
            "OffsetTime      | time(0)                      | true",
            "LocalDateTime   | timestamp(6)                 | true",
            "OffsetDateTime  | timestamp(6) with time zone  | true",
            "ZonedDateTime   | timestamp(6) with time zone  | true",
            "Instant         | timestamp(6) with time zone  | true",
            "UUID            | uuid                         | true",
            "byte[]          | bytea                        | true",
            "Duration        | numeric(21,0)                | true",
            "Year            | integer                      | true",
            "YearMonth       | bytea                        | true",
            "MonthDay        | bytea                        | true",
            "ZoneId          | varchar(255)                 | true",
            "Locale          | varchar(255)                 | true",
            "java.net.URL    | varchar(255)                 | true",
            "Currency        | varchar(3)                   | true",
            "String[]        | varchar(255)[]               | true",
            "Integer[]       | integer[]                    | true",
            "List<Integer>   | integer[]                    | true",
            "java.util.Date  | timestamp(6)                 | true",
    })
    void basicTypes(String javaType, String columnType, boolean nullable) {
        Column c = only("    private " + javaType + " value;", "value");
        assertThat(c.type()).isEqualTo(ColumnType.of(columnType));
        assertThat(c.type().sql()).isEqualTo(columnType);
        assertThat(c.nullable()).isEqualTo(nullable);
    }

    @Test
    void localTimeHasMicrosecondsOnHibernate6() {
        Column c = column(model("    private LocalTime at;", Sources.SPRING_6), "thing", "at");
        assertThat(c.type().sql()).isEqualTo("time(6)");
    }

    @Test
    void temporalPicksTheTypeOfLegacyDates() {
        ParsedModel m = model("""
                    @Temporal(TemporalType.DATE) private java.util.Date born;
                    @Temporal(TemporalType.TIME) private java.util.Date wakes;
                    @Temporal(TemporalType.TIMESTAMP) private java.util.Date seen;
                    private java.sql.Date sqlDate;
                    private java.sql.Timestamp sqlTimestamp;
                """);
        assertThat(column(m, "thing", "born").type().sql()).isEqualTo("date");
        assertThat(column(m, "thing", "wakes").type().sql()).isEqualTo("time(0)");
        assertThat(column(m, "thing", "seen").type().sql()).isEqualTo("timestamp(6)");
        assertThat(column(m, "thing", "sql_date").type().sql()).isEqualTo("date");
        assertThat(column(m, "thing", "sql_timestamp").type().sql()).isEqualTo("timestamp(6)");
    }

    @Test
    void columnNameLengthPrecisionScaleAndNullable() {
        ParsedModel m = model("""
                    @Column(name = "display_name", length = 80, nullable = false) private String name;
                    @Column(length = 10000) private String story;
                    @Column(precision = 10, scale = 4) private BigDecimal rate;
                    @Column(precision = 12) private BigDecimal whole;
                    @Column(precision = 30) private java.math.BigInteger big;
                    @Column(insertable = false, updatable = false) private String readOnly;
                """);
        Column name = column(m, "thing", "display_name");
        assertThat(name.type().sql()).isEqualTo("varchar(80)");
        assertThat(name.nullable()).isFalse();
        assertThat(column(m, "thing", "story").type().sql()).isEqualTo("varchar(10000)");
        assertThat(column(m, "thing", "rate").type().sql()).isEqualTo("numeric(10,4)");
        assertThat(column(m, "thing", "whole").type().sql()).isEqualTo("numeric(12,0)");
        assertThat(column(m, "thing", "big").type().sql()).isEqualTo("numeric(30,0)");
        assertThat(column(m, "thing", "read_only").nullable()).isTrue();
    }

    @Test
    void uniqueColumnIsAnUnnamedUniqueConstraint() {
        Table t = table(model("    @Column(unique = true) private String code;"), "thing");
        assertThat(t.uniques()).containsExactly(new UniqueConstraint(null, List.of("code")));
        assertThat(t.uniques().get(0).name()).isEqualTo("thing_code_key");
    }

    @Test
    void columnDefinitionGivesTypeNotNullDefaultAndUnique() {
        ParsedModel m = model("""
                    @Column(columnDefinition = "text") private String notes;
                    @Column(columnDefinition = "varchar(20) not null default 'NEW'") private String state;
                    @Column(columnDefinition = "numeric(10, 2) default 0 unique") private BigDecimal total;
                    @Column(columnDefinition = "integer check (points >= 0)") private Integer points;
                    @Column(columnDefinition = "timestamp with time zone default now()") private Instant touched;
                """);
        assertThat(column(m, "thing", "notes").type()).isEqualTo(ColumnType.TEXT);
        Column state = column(m, "thing", "state");
        assertThat(state.type().sql()).isEqualTo("varchar(20)");
        assertThat(state.nullable()).isFalse();
        assertThat(state.defaultValue()).isEqualTo("'NEW'");
        Column total = column(m, "thing", "total");
        assertThat(total.type().sql()).isEqualTo("numeric(10,2)");
        assertThat(total.defaultValue()).isEqualTo("0");
        assertThat(table(m, "thing").uniques()).containsExactly(new UniqueConstraint(null, List.of("total")));
        assertThat(table(m, "thing").checks()).containsExactly(new CheckConstraint("thing_points_check", "points >= 0"));
        assertThat(column(m, "thing", "touched").type().sql()).isEqualTo("timestamp(6) with time zone");
        assertThat(column(m, "thing", "touched").defaultValue()).isEqualTo("now()");
    }

    @Test
    void basicOptionalFalseAndNotNullAreNotNull() {
        ParsedModel m = model("""
                    @Basic(optional = false) private String a;
                    @NotNull private String b;
                    @Basic private String c;
                """);
        assertThat(column(m, "thing", "a").nullable()).isFalse();
        assertThat(column(m, "thing", "b").nullable()).isFalse();
        assertThat(column(m, "thing", "c").nullable()).isTrue();
    }

    @Test
    void sizeMaxIsTheLengthAndWinsOverColumnLength() {
        ParsedModel m = model("""
                    @Size(max = 40) private String a;
                    @Size(min = 2) private String b;
                    @Size(max = 12) @Column(length = 100) private String c;
                """);
        assertThat(column(m, "thing", "a").type().sql()).isEqualTo("varchar(40)");
        assertThat(column(m, "thing", "b").type().sql()).isEqualTo("varchar(255)");
        assertThat(column(m, "thing", "c").type().sql()).isEqualTo("varchar(12)");
    }

    @Test
    void digitsMinAndMaxFromBeanValidation() {
        ParsedModel m = model("""
                    @Digits(integer = 8, fraction = 3) private BigDecimal amount;
                    @Min(1) @Max(99) private int quantity;
                """);
        assertThat(column(m, "thing", "amount").type().sql()).isEqualTo("numeric(11,3)");
        // one constraint, as Hibernate writes it
        assertThat(table(m, "thing").checks()).containsExactly(
                new CheckConstraint("thing_quantity_check", "(\"quantity\" >= 1) and (\"quantity\" <= 99)"));
    }

    @Test
    void transientStaticAndFormulaFieldsAreNotColumns() {
        Table t = table(model("""
                    @Transient private String a;
                    private transient String b;
                    private static String c = "x";
                    private static final int D = 1;
                    @Formula("upper(name)") private String e;
                    private String kept;
                """), "thing");
        assertThat(t.columnsByName().keySet()).containsExactly("id", "kept");
    }

    @Test
    void versionIsNotNullOnHibernate7AndForPrimitivesOn6() {
        String body = """
                    @Version private Integer version;
                """;
        assertThat(column(model(body, Sources.SPRING_7), "thing", "version").nullable()).isFalse();
        assertThat(column(model(body, Sources.SPRING_6), "thing", "version").nullable()).isTrue();
        Column primitive = column(model("    @Version private long version;", Sources.SPRING_6), "thing", "version");
        assertThat(primitive.type()).isEqualTo(ColumnType.BIGINT);
        assertThat(primitive.nullable()).isFalse();
    }

    @Test
    void lobIsOid() {
        ParsedModel m = model("""
                    @Lob private String text;
                    @Lob private byte[] data;
                """);
        assertThat(column(m, "thing", "text").type().sql()).isEqualTo("oid");
        assertThat(column(m, "thing", "data").type().sql()).isEqualTo("oid");
    }

    @Test
    void jsonTypeCodeIsJsonbWhateverTheJavaType() {
        ParsedModel m = model("""
                    @JdbcTypeCode(org.hibernate.type.SqlTypes.JSON) private Map<String, Object> attributes;
                    @JdbcTypeCode(3001) private String raw;
                """);
        assertThat(column(m, "thing", "attributes").type().sql()).isEqualTo("jsonb");
        assertThat(column(m, "thing", "raw").type().sql()).isEqualTo("jsonb");
    }

    @Test
    void columnDefaultIsTheColumnDefault() {
        ParsedModel m = model("""
                    @ColumnDefault("'draft'") private String state;
                    @ColumnDefault("0") private int count;
                """);
        assertThat(column(m, "thing", "state").defaultValue()).isEqualTo("'draft'");
        assertThat(column(m, "thing", "count").defaultValue()).isEqualTo("0");
    }

    @Test
    void creationAndUpdateTimestampsAreNotNull() {
        ParsedModel m = model("""
                    @CreationTimestamp private Instant createdAt;
                    @UpdateTimestamp private LocalDateTime updatedAt;
                """);
        assertThat(column(m, "thing", "created_at").nullable()).isFalse();
        assertThat(column(m, "thing", "created_at").type().sql()).isEqualTo("timestamp(6) with time zone");
        assertThat(column(m, "thing", "updated_at").nullable()).isFalse();
    }

    @Test
    void naturalIdIsOneUniqueConstraintOverItsColumns() {
        Table t = table(model("""
                    @NaturalId private String isbn;
                    @NaturalId private String edition;
                """), "thing");
        assertThat(t.uniques()).containsExactly(new UniqueConstraint(null, List.of("isbn", "edition")));
    }

    @Test
    void primaryKeyIsTheIdColumn() {
        Table t = table(model("    private String name;"), "thing");
        assertThat(t.primaryKey().columns()).containsExactly("id");
        assertThat(t.primaryKey().name()).isEqualTo("thing_pkey");
    }

    @Test
    void ordinalEnumIsSmallintWithARangeCheck() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                public enum Status { NEW, PAID, SHIPPED }
                """);
        s.write(entity("Thing", "    private Status status;"));
        ParsedModel m = s.model();
        Column c = column(m, "thing", "status");
        assertThat(c.type()).isEqualTo(ColumnType.SMALLINT);
        assertThat(c.nullable()).isTrue();
        CheckConstraint check = table(m, "thing").checks().get(0);
        assertThat(check.name()).isEqualTo("thing_status_check");
        assertThat(check.expression()).isEqualTo("\"status\" between 0 and 2");
    }

    @Test
    void stringEnumIsVarcharWithAnInCheckAndTakesItsLengthFromColumn() {
        Sources s = new Sources(dir);
        s.write(entity("Thing", """
                    public enum Size { SMALL, LARGE }
                    @Enumerated(EnumType.STRING) private Size size;
                    @Enumerated(EnumType.STRING) @Column(length = 10, nullable = false) private Size other;
                    @Enumerated(EnumType.ORDINAL) private Size third;
                """));
        ParsedModel m = s.model();
        assertThat(column(m, "thing", "size").type().sql()).isEqualTo("varchar(255)");
        assertThat(column(m, "thing", "other").type().sql()).isEqualTo("varchar(10)");
        assertThat(column(m, "thing", "other").nullable()).isFalse();
        assertThat(column(m, "thing", "third").type()).isEqualTo(ColumnType.SMALLINT);
        assertThat(table(m, "thing").checks()).containsExactlyInAnyOrder(
                new CheckConstraint("thing_size_check", "\"size\" in ('SMALL','LARGE')"),
                new CheckConstraint("thing_other_check", "\"other\" in ('SMALL','LARGE')"),
                new CheckConstraint("thing_third_check", "\"third\" between 0 and 1"));
        assertThat(table(m, "thing").checks()).extracting(CheckConstraint::name)
                .containsExactlyInAnyOrder("thing_size_check", "thing_other_check", "thing_third_check");
    }

    @Test
    void enumNestedInAnotherWatchedClassIsFoundThroughItsOuterName() {
        Sources s = new Sources(dir);
        s.write("""
                package app.types;
                public class Kinds {
                    public enum Kind { A, B, C, D }
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                import app.types.Kinds;
                @Entity
                public class Thing {
                    @Id private Long id;
                    @Enumerated(EnumType.STRING) private Kinds.Kind kind;
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "thing").checks().get(0).expression()).isEqualTo("\"kind\" in ('A','B','C','D')");
    }
}
