package io.migratewatch.source;

/**
 * Blanks the bodies of methods and constructors in Java source text before it is parsed. No mapping reads them (the
 * parser drops them anyway), and in a whole application they are most of the text: parsing without them is faster.
 * Every other character stays where it was, line breaks included, so positions in messages do not move. A body is a
 * {@code {} that follows a parameter list's {@code )} or a {@code throws} clause, outside a body already blanked; a
 * record's header is not a parameter list. When the braces do not pair up, the text is returned unchanged and the
 * parser reports what is wrong.
 */
final class MethodBodies {

    private MethodBodies() {
    }

    static String blank(String source) {
        char[] out = source.toCharArray();
        int n = out.length;
        int depth = 0;
        int blankFrom = -1;        // the depth at which the body being blanked closes, or -1
        char lastSignificant = 0;
        boolean inThrows = false;
        boolean recordHeader = false;
        int i = 0;
        while (i < n) {
            char c = out[i];
            int skipTo = skipLiteralOrComment(source, i);
            if (skipTo < 0) {
                return source;
            }
            if (skipTo > i) {
                if (blankFrom >= 0) {
                    blankRange(out, i, skipTo);
                }
                i = skipTo;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(out[end])) {
                    end++;
                }
                if (blankFrom < 0) {
                    String word = source.substring(i, end);
                    inThrows |= word.equals("throws");
                    recordHeader |= word.equals("record");
                } else {
                    blankRange(out, i, end);
                }
                lastSignificant = 'a';
                i = end;
                continue;
            }
            if (c == '{') {
                boolean body = blankFrom < 0 && (lastSignificant == ')' && !recordHeader || inThrows);
                depth++;
                if (body) {
                    blankFrom = depth;
                } else if (blankFrom >= 0) {
                    out[i] = ' ';
                }
                inThrows = false;
                recordHeader = false;
            } else if (c == '}') {
                if (depth == 0) {
                    return source;
                }
                if (blankFrom == depth) {
                    blankFrom = -1;
                } else if (blankFrom >= 0) {
                    out[i] = ' ';
                }
                depth--;
                inThrows = false;
                recordHeader = false;
            } else if (blankFrom >= 0) {
                if (c != '\n' && c != '\r') {
                    out[i] = ' ';
                }
            } else if (c == ';') {
                inThrows = false;
                recordHeader = false;
            }
            if (!Character.isWhitespace(c)) {
                lastSignificant = c;
            }
            i++;
        }
        return depth == 0 && blankFrom < 0 ? new String(out) : source;
    }

    /** The index after a comment, string, text block or character literal starting at {@code i}; {@code i} when none does; -1 when it never ends. */
    private static int skipLiteralOrComment(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? -1 : end + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            for (int j = i + 3; j < s.length(); j++) {
                if (s.charAt(j) == '\\') {
                    j++;
                } else if (s.startsWith("\"\"\"", j)) {
                    return j + 3;
                }
            }
            return -1;
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            for (int j = i + 1; j < s.length(); j++) {
                char d = s.charAt(j);
                if (d == '\\') {
                    j++;
                } else if (d == c) {
                    return j + 1;
                } else if (d == '\n') {
                    return -1;
                }
            }
            return -1;
        }
        return i;
    }

    private static void blankRange(char[] out, int from, int to) {
        for (int j = from; j < to; j++) {
            if (out[j] != '\n' && out[j] != '\r') {
                out[j] = ' ';
            }
        }
    }
}
