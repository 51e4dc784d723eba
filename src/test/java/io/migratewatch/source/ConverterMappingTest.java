package io.migratewatch.source;

import io.migratewatch.schema.CheckConstraint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.entity;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code @Convert} and {@code @Converter(autoApply = true)}: the column is the converter's database-side type
 * (Hibernate 7.4's DDL for the same fields, model set {@code typesafe}).
 */
class ConverterMappingTest {

    @TempDir
    Path dir;

    private static final String MONEY = "package app;\npublic final class Money implements java.io.Serializable { long cents; }\n";
    private static final String MONEY_CONVERTER = """
            package app;
            import jakarta.persistence.*;
            @Converter(autoApply = true)
            public class MoneyConverter implements AttributeConverter<Money, java.math.BigDecimal> {
                public java.math.BigDecimal convertToDatabaseColumn(Money m) { return null; }
                public Money convertToEntityAttribute(java.math.BigDecimal d) { return null; }
            }
            """;

    private ParsedModel model(String body, String... others) {
        Sources s = new Sources(dir);
        for (String o : others) {
            s.write(o);
        }
        s.write(entity("Thing", body));
        return s.model();
    }

    @Test
    void anAutoAppliedConverterGivesEveryAttributeOfItsTypeItsDatabaseType() {
        ParsedModel m = model("    private Money amount;\n    @Column(precision = 12, scale = 2) private Money fee;\n",
                MONEY, MONEY_CONVERTER);
        assertThat(m.warnings()).isEmpty();
        assertThat(column(m, "thing", "amount").type().sql()).isEqualTo("numeric(38,2)");
        assertThat(column(m, "thing", "fee").type().sql()).isEqualTo("numeric(12,2)");
    }

    @Test
    void disableConversionFallsBackToTheTypeItself() {
        ParsedModel m = model("    @Convert(disableConversion = true) private Money snapshot;\n", MONEY, MONEY_CONVERTER);
        assertThat(column(m, "thing", "snapshot").type().sql()).isEqualTo("bytea");
    }

    @Test
    void anExplicitConverterOnAFieldGivesItsDatabaseType() {
        ParsedModel m = model("    @Convert(converter = Labels.class) @Column(length = 500) private List<String> labels;\n", """
                package app;
                import jakarta.persistence.AttributeConverter;
                import java.util.List;
                public class Labels implements AttributeConverter<List<String>, String> {
                    public String convertToDatabaseColumn(List<String> l) { return null; }
                    public List<String> convertToEntityAttribute(String s) { return null; }
                }
                """);
        assertThat(m.warnings()).isEmpty();
        assertThat(column(m, "thing", "labels").type().sql()).isEqualTo("varchar(500)");
    }

    @Test
    void theDatabaseTypeIsFoundThroughGenericAbstractSuperclasses() {
        ParsedModel m = model("    @Convert(converter = CountryConverter.class) @Column(length = 2) private Locale country;\n"
                        + "    @Convert(converter = DaysConverter.class) private LocalDate day;\n", """
                package app;
                import jakarta.persistence.AttributeConverter;
                public abstract class CodeConverter<T> extends TypedConverter<T, String> { }
                abstract class TypedConverter<A, D> implements AttributeConverter<A, D> { }
                """, """
                package app;
                public class CountryConverter extends CodeConverter<java.util.Locale> {
                    public String convertToDatabaseColumn(java.util.Locale l) { return null; }
                    public java.util.Locale convertToEntityAttribute(String s) { return null; }
                }
                """, """
                package app;
                public abstract class EpochConverter<V> implements jakarta.persistence.AttributeConverter<V, Long> { }
                """, """
                package app;
                public class DaysConverter extends EpochConverter<java.time.LocalDate> {
                    public Long convertToDatabaseColumn(java.time.LocalDate d) { return null; }
                    public java.time.LocalDate convertToEntityAttribute(Long l) { return null; }
                }
                """);
        assertThat(m.warnings()).isEmpty();
        assertThat(column(m, "thing", "country").type().sql()).isEqualTo("varchar(2)");
        assertThat(column(m, "thing", "day").type().sql()).isEqualTo("bigint");
    }

    @Test
    void hibernatesOwnBooleanConvertersGiveTheirColumnAndCheck() {
        ParsedModel m = model("    @Convert(converter = org.hibernate.type.YesNoConverter.class) private Boolean urgent;\n"
                + "    @Convert(converter = org.hibernate.type.TrueFalseConverter.class) private boolean reviewed;\n"
                + "    @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) private Boolean abroad;\n");
        assertThat(column(m, "thing", "urgent").type().sql()).isEqualTo("char(1)");
        assertThat(column(m, "thing", "reviewed").nullable()).isFalse();
        assertThat(column(m, "thing", "abroad").type().sql()).isEqualTo("integer");
        assertThat(table(m, "thing").checks()).extracting(CheckConstraint::expression).containsExactlyInAnyOrder(
                "\"urgent\" in ('N','Y')", "\"reviewed\" in ('F','T')", "\"abroad\" in (0,1)");
    }

    @Test
    void aConverterOfAnEnumOrBooleanLeavesTheTableOutBecauseHibernatesCheckNeedsTheConverterToRun() {
        ParsedModel m = model("    @Convert(converter = ColorConverter.class) private Color color;\n", """
                package app;
                public enum Color { RED, GREEN }
                """, """
                package app;
                import jakarta.persistence.AttributeConverter;
                public class ColorConverter implements AttributeConverter<Color, Character> {
                    public Character convertToDatabaseColumn(Color c) { return null; }
                    public Color convertToEntityAttribute(Character c) { return null; }
                }
                """);
        assertThat(m.schema().table("thing")).isEmpty();
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w.format()).contains("ColorConverter").contains("check"));
    }

    @Test
    void aConverterOutsideTheWatchedSourcesIsAnErrorNamingItAndTheFix() {
        assertThatThrownBy(() -> model("    @Convert(converter = com.acme.CryptoConverter.class) private String secret;\n"))
                .hasMessageContaining("Thing.java:")
                .hasMessageContaining("CryptoConverter")
                .hasMessageContaining("models.paths")
                .hasMessageContaining("columnDefinition");
    }

    @Test
    void aColumnDefinitionWinsOverTheConverter() {
        ParsedModel m = model("    @Convert(converter = com.acme.CryptoConverter.class) @Column(columnDefinition = \"bytea\")"
                + " private String secret;\n");
        assertThat(column(m, "thing", "secret").type().sql()).isEqualTo("bytea");
    }
}
