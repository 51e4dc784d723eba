package io.migratewatch.source;

/**
 * Table, column, constraint and sequence names read from annotations. Every name is quoted when it
 * is written into SQL, so any text is safe there except what quoting cannot carry: a NUL character,
 * and an empty quoted name ({@code "\"\""}, {@code "``"}). Those are refused at the annotation value.
 */
final class ModelNames {

    private ModelNames() {
    }

    /** The name written in {@code attribute}, or "" when there is none. */
    static String read(ConstantResolver c, Ann a, String attribute) {
        String name = c.string(a, attribute, "");
        String what = ModelExpressions.label(a, attribute) + " " + ModelExpressions.quoted(name);
        if (name.indexOf('\0') >= 0) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), what
                    + " contains a NUL character, which PostgreSQL cannot store in a name — remove it");
        }
        if (!name.isBlank() && PhysicalName.parse(name).text().isEmpty()) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), what
                    + " is an empty quoted name — write a name between the quotes, or leave " + attribute + " out");
        }
        return name;
    }
}
