package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import io.migratewatch.schema.Identifiers;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an entity's place in an inheritance hierarchy adds to its table.
 *
 * @param subclasses    for the root of a single-table hierarchy: every subclass below it, parents first, with the
 *                      fields each declares (they become nullable columns of the root's table)
 * @param discriminator the discriminator column, or null
 * @param joinedKey     for a subclass of a joined hierarchy: its primary key, a foreign key to its parent's; else null
 * @param values         each entity's discriminator value (empty without a discriminator)
 * @param generatorTable the table whose name an implicit id sequence takes (the root's, in a table-per-class
 *                       hierarchy), or null for the entity's own
 */
record Inheritance(List<Subclass> subclasses, Discriminator discriminator, JoinedKey joinedKey, Map<TypeInfo, List<String>> values,
                   PhysicalName generatorTable) {

    static final Inheritance NONE = new Inheritance(List.of(), null, null, Map.of(), null);

    Inheritance(List<Subclass> subclasses, Discriminator discriminator, JoinedKey joinedKey, Map<TypeInfo, List<String>> values) {
        this(subclasses, discriminator, joinedKey, values, null);
    }

    record Subclass(TypeInfo type, List<Attribute> attributes) {
    }

    /** A subclass's key column: named by {@code @PrimaryKeyJoinColumn} or as its parent's, typed as the root's id. */
    record JoinedKey(PhysicalName name, ColumnType type, PhysicalName parentTable, PhysicalName parentColumn) {
    }

    /**
     * @param values every concrete entity's value, in the order Hibernate lists them
     * @param quoted true for string and character discriminators
     */
    record Discriminator(PhysicalName name, ColumnType type, List<String> values, boolean quoted) {

        /** Hibernate 7's check that the column holds one of the hierarchy's values. */
        String valuesCheck() {
            return Identifiers.quote(name.emitted()) + " in (" + String.join(",", values.stream().map(this::literal).toList()) + ")";
        }

        /** Hibernate 7's check that rows of the given values have the subclass's NOT NULL columns. */
        String notNullFor(List<String> ownValues, List<String> columns) {
            String column = Identifiers.quote(name.emitted());
            String rows = ownValues.size() == 1 ? column + " <> " + literal(ownValues.get(0))
                    : column + " not in (" + ownValues.stream().map(this::literal).collect(Collectors.joining(",")) + ")";
            String filled = columns.stream().map(c -> Identifiers.quote(c) + " is not null").collect(Collectors.joining(" and "));
            return rows + " or (" + filled + ")";
        }

        private String literal(String value) {
            return quoted ? Identifiers.literal(value) : value;
        }
    }

    /** The discriminator values of a subclass and those below it. */
    List<String> valuesOf(TypeInfo subclass) {
        return values.getOrDefault(subclass, List.of());
    }
}
