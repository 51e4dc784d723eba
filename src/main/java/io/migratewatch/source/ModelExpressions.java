package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import io.migratewatch.schema.SqlExpressionCheck;

/**
 * Annotation text that ends up in SQL as written — {@code @ColumnDefault}, a
 * {@code columnDefinition} with its default and check, an {@code @Index} column list — read and
 * refused, at the annotation value, unless it is one expression (or one column definition, or one
 * list). Otherwise {@code @ColumnDefault("0; DELETE FROM a")} would become a second statement of
 * the migration, {@code 0 --} would comment out the rest of one, and a comma would add a column.
 */
final class ModelExpressions {

    private static final String DEFAULT_ADVICE = "write a single expression such as 0 or 'text'";
    private static final String CHECK_ADVICE = "write a single condition such as price > 0";
    private static final String DEFINITION_ADVICE = "write a type and its clauses, such as varchar(40) not null default 'x'";
    private static final String COLUMN_LIST_ADVICE = "write column names separated by commas, such as name, created_at desc";

    private ModelExpressions() {
    }

    /** The {@code value} of {@code @ColumnDefault}, checked unless blank (which means no default). */
    static String columnDefault(ConstantResolver c, Ann columnDefault) {
        String text = c.string(columnDefault, "value", "");
        if (text.isBlank()) {
            return text;
        }
        requireDefault(text, columnDefault, "value", label(columnDefault, "value") + " " + quoted(text));
        return text;
    }

    /** The {@code constraints} of Hibernate's {@code @Check}: one SQL condition, checked like a default. */
    static String checkConstraint(ConstantResolver c, Ann check) {
        String text = c.string(check, "constraints", "");
        SqlExpressionCheck.expression(text).ifPresent(problem -> fail(check, "constraints", label(check, "constraints") + " "
                + quoted(text) + " is not one SQL expression: " + problem + " — write a single condition such as price > 0"));
        return text;
    }

    /**
     * A {@code columnDefinition} (of {@code @Column} or {@code @JoinColumn}), checked and parsed; null
     * when blank. Its default and check are checked again on their own, as they are written apart.
     */
    static ColumnDefinition columnDefinition(Ann column, String text) {
        if (text.isBlank()) {
            return null;
        }
        String what = label(column, "columnDefinition") + " " + quoted(text);
        SqlExpressionCheck.expression(text).ifPresent(problem ->
                fail(column, "columnDefinition", what + " is not one column definition: " + problem + " — " + DEFINITION_ADVICE));
        ColumnDefinition def = ColumnDefinition.parse(text);
        if (def.defaultValue() != null) {
            requireDefault(def.defaultValue(), column, "columnDefinition", what + ": its default " + quoted(def.defaultValue()));
        }
        if (def.check() != null) {
            SqlExpressionCheck.expression(def.check()).ifPresent(problem -> fail(column, "columnDefinition", what
                    + ": its check " + quoted(def.check()) + " is not one SQL expression: " + problem + " — " + CHECK_ADVICE));
        }
        return def;
    }

    /** An {@code @Index} column list: column names, commas between them, nothing that could end or extend the statement. */
    static void requireColumnList(Ann index, String list) {
        SqlExpressionCheck.list(list).ifPresent(problem -> fail(index, "columnList", label(index, "columnList") + " "
                + quoted(list) + " is not a list of columns: " + problem + " — " + COLUMN_LIST_ADVICE));
    }

    /** A part of an {@code @Index} column list that is not {@code name [asc|desc]}. */
    static MappingError notAColumn(Ann index, String list, String part) {
        return MappingError.at(index.owner(), valueOf(index, "columnList"), label(index, "columnList") + " " + quoted(list)
                + ": " + quoted(part.strip()) + " is not a column name with an optional asc or desc — " + COLUMN_LIST_ADVICE);
    }

    private static void requireDefault(String text, Ann a, String attribute, String what) {
        SqlExpressionCheck.expression(text).ifPresent(problem -> fail(a, attribute, what + " is not one SQL expression: " + problem
                + " — " + DEFAULT_ADVICE));
    }

    private static void fail(Ann a, String attribute, String message) {
        throw MappingError.at(a.owner(), valueOf(a, attribute), message);
    }

    /** Where the value is written, or the annotation when it is not written (a default). */
    static Node valueOf(Ann a, String attribute) {
        return a.get(attribute).map(e -> (Node) e).orElse(a.expr());
    }

    /** {@code @ColumnDefault} for its value, {@code @Column(columnDefinition)} for any other attribute. */
    static String label(Ann a, String attribute) {
        return attribute.equals("value") ? a.display() : a.display() + "(" + attribute + ")";
    }

    /** Text as a Java string literal, as it is written in the annotation, on one line. */
    static String quoted(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
