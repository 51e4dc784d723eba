package io.migratewatch.schema;

import java.util.regex.Pattern;

/**
 * Canonical forms of SQL expressions, so that what a model writes and what PostgreSQL deparses
 * from its catalog compare equal. These are comparison keys, not SQL to run.
 */
public final class SqlExpressions {

    private static final Pattern CAST = Pattern.compile(
            "::\\s*[a-z_][a-z0-9_]*(?:\\s+(?:varying|precision))?(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?"
                    + "(?:\\s+(?:with|without)\\s+time\\s+zone)?(?:\\[\\])*");
    private static final Pattern BETWEEN = Pattern.compile(
            "([a-z0-9_\"]+) between ([^ ]+) and ([^ ]+)");
    private static final Pattern IN_LIST = Pattern.compile("([a-z0-9_\"]+) in \\(([^()]*)\\)");
    private static final Pattern SIMPLE_QUOTED = Pattern.compile("\"([a-z_][a-z0-9_$]*)\"");
    private static final Pattern LITERAL_CAST = Pattern.compile("^('(?:[^']|'')*')::[a-z][a-z0-9_ ]*(?:\\(\\d+(?:,\\d+)?\\))?$");

    private SqlExpressions() {
    }

    /**
     * A column default: {@code 'x'::character varying} is {@code 'x'}, keywords are lower case,
     * outer parentheses go.
     */
    public static String canonicalDefault(String expression) {
        String s = expression.trim();
        while (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).trim();
        }
        var literal = LITERAL_CAST.matcher(s);
        if (literal.matches()) {
            return literal.group(1);
        }
        if (s.startsWith("'")) {
            return s;
        }
        return lowerOutsideLiterals(s);
    }

    // comparisons ask for the same few expressions again and again; the regex work is done once each
    private static final java.util.Map<String, String> CANONICAL_CHECKS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 50_000;

    /** A check (or index) expression, with casts, redundant quotes and parentheses removed. */
    public static String canonicalCheck(String expression) {
        String cached = CANONICAL_CHECKS.get(expression);
        if (cached != null) {
            return cached;
        }
        String canonical = computeCanonicalCheck(expression);
        if (CANONICAL_CHECKS.size() >= CACHE_LIMIT) {
            CANONICAL_CHECKS.clear();
        }
        CANONICAL_CHECKS.put(expression, canonical);
        return canonical;
    }

    private static String computeCanonicalCheck(String expression) {
        String s = lowerOutsideLiterals(expression.trim().replaceAll("\\s+", " "));
        s = SIMPLE_QUOTED.matcher(s).replaceAll("$1");
        s = CAST.matcher(s).replaceAll("");
        s = s.replace("(", " ( ").replace(")", " ) ").replace(",", " , ").replaceAll("\\s+", " ").trim();
        s = s.replace(" ( ", " (").replace("( ", "(").replace(" )", ")");
        s = s.replaceAll("\\(([a-z0-9_\"]+)\\)", "$1");
        s = BETWEEN.matcher(s).replaceAll("$1 >= $2 and $1 <= $3");
        s = IN_LIST.matcher(s).replaceAll("$1 = any array[$2]");
        s = s.replace("(", " ").replace(")", " ");
        s = s.replaceAll("\\s*,\\s*", ",").replaceAll("\\s+", " ").replace("[ ", "[").replace(" ]", "]").trim();
        return sortedConjunction(s);
    }

    /** {@code b and a} is {@code a and b}: the terms of a plain conjunction in one order (not when it mixes in {@code or}). */
    private static String sortedConjunction(String s) {
        if (!s.contains(" and ") || s.contains(" or ") || s.contains("'")) {
            return s;
        }
        return java.util.Arrays.stream(s.split(" and ")).sorted().collect(java.util.stream.Collectors.joining(" and "));
    }

    /** Whether the parentheses in code balance and never close more than they opened (quotes and comments do not count). */
    private static boolean balanced(String s) {
        SqlLexer lexer = new SqlLexer();
        for (int i = 0; i < s.length(); i++) {
            lexer.accept(s.charAt(i), i + 1 < s.length() ? s.charAt(i + 1) : -1);
            if (lexer.depth() < 0) {
                return false;
            }
        }
        return lexer.depth() == 0;
    }

    /**
     * Keywords and unquoted names in lower case; strings, quoted names and comments as written. A text
     * with a dollar-quoted string is left as it is: its tags are case-sensitive and read as code until
     * they close, so lower-casing could change which text is quoted.
     */
    private static String lowerOutsideLiterals(String s) {
        SqlLexer lexer = new SqlLexer();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            SqlLexer.Kind kind = lexer.accept(c, i + 1 < s.length() ? s.charAt(i + 1) : -1);
            if (lexer.state() == SqlLexer.State.DOLLAR_STRING) {
                return s;
            }
            out.append(kind == SqlLexer.Kind.CODE ? Character.toLowerCase(c) : c);
        }
        return out.toString();
    }
}
