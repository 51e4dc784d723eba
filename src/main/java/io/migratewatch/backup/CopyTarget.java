package io.migratewatch.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table a {@code COPY name [(columns)] FROM stdin} statement loads: {@code "public"."order"},
 * {@code public.customer}, {@code "Odd""Name"}. Unquoted names fold to lower case, as PostgreSQL folds them.
 *
 * @param schema null when the statement does not qualify the name
 */
record CopyTarget(String schema, String table) {

    static CopyTarget parse(String copy) {
        String s = copy.strip();
        int i = "COPY".length();
        if (!s.regionMatches(true, 0, "COPY", 0, i)) {
            throw new IllegalArgumentException("not a COPY statement: " + s);
        }
        List<String> parts = new ArrayList<>();
        i = skipSpace(s, i);
        while (true) {
            StringBuilder name = new StringBuilder();
            if (i < s.length() && s.charAt(i) == '"') {
                i++;
                while (i < s.length()) {
                    char c = s.charAt(i++);
                    if (c == '"') {
                        if (i < s.length() && s.charAt(i) == '"') {
                            name.append('"');
                            i++;
                            continue;
                        }
                        break;
                    }
                    name.append(c);
                }
                parts.add(name.toString());
            } else {
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    name.append(s.charAt(i++));
                }
                parts.add(name.toString().toLowerCase(Locale.ROOT));
            }
            i = skipSpace(s, i);
            if (i < s.length() && s.charAt(i) == '.') {
                i = skipSpace(s, i + 1);
                continue;
            }
            break;
        }
        return parts.size() == 1 ? new CopyTarget(null, parts.get(0)) : new CopyTarget(parts.get(parts.size() - 2), parts.get(parts.size() - 1));
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
