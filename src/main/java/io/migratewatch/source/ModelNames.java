package io.migratewatch.source;

import java.nio.charset.StandardCharsets;

/**
 * Table, column, constraint and sequence names read from annotations. Every name is quoted when it
 * is written into SQL, so any text is safe there except what quoting cannot carry: a NUL character,
 * and an empty quoted name ({@code "\"\""}, {@code "``"}). Those are refused at the annotation value,
 * and so are names that would not survive on their way into the database: a line break or another
 * control character (it would end a line of the migration file, where a line such as {@code -- +down}
 * is a marker), and a name longer than PostgreSQL's 63 bytes (it would cut it, and the table or column
 * the models ask for would never exist under their name).
 */
final class ModelNames {

    /** PostgreSQL keeps this many bytes of a name (NAMEDATALEN - 1) and silently drops the rest. */
    static final int MAX_BYTES = 63;

    private ModelNames() {
    }

    /** The name written in {@code attribute}, or "" when there is none; a name the database uses, so at most 63 bytes. */
    static String read(ConstantResolver c, Ann a, String attribute) {
        return read(c, a, attribute, true);
    }

    /**
     * As {@link #read(ConstantResolver, Ann, String)}; a {@code logical} name (a generator's, which names
     * a sequence only when no sequence name is given) may be longer.
     */
    static String read(ConstantResolver c, Ann a, String attribute, boolean identifier) {
        String name = c.string(a, attribute, "");
        String what = ModelExpressions.label(a, attribute) + " " + ModelExpressions.quoted(name);
        if (name.indexOf('\0') >= 0) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), what
                    + " contains a NUL character, which PostgreSQL cannot store in a name — remove it");
        }
        if (name.codePoints().anyMatch(ModelNames::control)) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), what
                    + " contains a line break or another control character, which a migration file cannot carry in a name — remove it");
        }
        if (!name.isBlank() && PhysicalName.parse(name).text().isEmpty()) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), what
                    + " is an empty quoted name — write a name between the quotes, or leave " + attribute + " out");
        }
        int bytes = name.isBlank() ? 0 : PhysicalName.parse(name).text().getBytes(StandardCharsets.UTF_8).length;
        if (identifier && bytes > MAX_BYTES) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), what + " is " + bytes
                    + " bytes long, and PostgreSQL cuts names at " + MAX_BYTES + " bytes — shorten it to at most " + MAX_BYTES + " bytes");
        }
        return name;
    }

    /** Line breaks (also U+2028, U+2029, U+0085) and every other control character. */
    private static boolean control(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
