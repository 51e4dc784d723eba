package io.migratewatch.source;

import java.util.Locale;

/**
 * Logical (as written or implied) → physical names. {@link Naming#SPRING} is Spring Boot's
 * {@code CamelCaseToUnderscoresNamingStrategy} with {@code SpringImplicitNamingStrategy};
 * {@link Naming#HIBERNATE} is Hibernate's standard physical strategy, which keeps names as written.
 * The application's settings may mix the physical and implicit halves ({@link MappingOptions#snakeCase()},
 * {@link MappingOptions#springJoinTables()}). Quoted names are kept exactly in both.
 */
final class NamingStrategy {

    private final boolean snakeCase;
    private final boolean springJoinTables;
    private final boolean globallyQuoted;

    NamingStrategy(Naming naming) {
        this(new MappingOptions(naming, 7));
    }

    NamingStrategy(MappingOptions options) {
        this.snakeCase = options.snakeCase();
        this.springJoinTables = options.springJoinTables();
        this.globallyQuoted = options.hibernate().quoted();
    }

    /**
     * Tables, columns and sequences all go through the same physical rule. With
     * {@code hibernate.globally_quoted_identifiers} every logical name is quoted before the physical strategy sees
     * it, and both of Hibernate's strategies pass a quoted name through as it is (checked against Hibernate 7.4).
     */
    PhysicalName physical(String logical) {
        PhysicalName written = PhysicalName.parse(logical);
        if (globallyQuoted) {
            return new PhysicalName(written.text(), true);
        }
        if (written.quoted() || !snakeCase) {
            return written;
        }
        return new PhysicalName(snakeCase(written.text()), false);
    }

    /**
     * Spring's rule: '.' becomes '_', and an underscore goes before an upper-case letter that
     * follows a lower-case letter or digit and precedes one; then everything is lower case.
     * {@code orderID} stays {@code orderid}, as in Spring.
     */
    static String snakeCase(String name) {
        StringBuilder b = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            char before = b.charAt(i - 1);
            char current = b.charAt(i);
            char after = b.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                b.insert(i++, '_');
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Join table of a @ManyToMany / unidirectional @OneToMany (docs/mapping.md, "Associations"). */
    PhysicalName joinTable(PhysicalName ownerTable, PhysicalName targetTable, String attribute) {
        if (springJoinTables) {
            return physical(ownerTable.text() + "_" + attribute);
        }
        return physical(ownerTable.text() + "_" + targetTable.text());
    }

    /** Table of an @ElementCollection. */
    PhysicalName collectionTable(String ownerEntityName, String attribute) {
        // JPA's rule under both namings: Spring Boot changes join tables only, not collection tables
        return physical(ownerEntityName + "_" + attribute);
    }
}
