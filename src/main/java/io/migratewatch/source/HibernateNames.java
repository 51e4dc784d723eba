package io.migratewatch.source;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names Hibernate generates for foreign keys and unnamed indexes (its NamingHelper): a prefix
 * and the unsigned MD5 of a description of the constraint, written in base 35. Matching them means
 * no churn on a database that Hibernate created. Hibernate does not quote these names, so
 * PostgreSQL stores them lower-cased, and so do we.
 */
final class HibernateNames {

    private HibernateNames() {
    }

    static String foreignKey(PhysicalName table, PhysicalName referencedTable, List<PhysicalName> columns) {
        StringBuilder sb = new StringBuilder()
                .append("table`").append(table.hibernate()).append("`")
                .append("references`").append(referencedTable.hibernate()).append("`");
        appendColumns(sb, columns);
        return ("FK" + hash(sb.toString())).toLowerCase(Locale.ROOT);
    }

    static String index(PhysicalName table, List<PhysicalName> columns) {
        StringBuilder sb = new StringBuilder().append("table`").append(table.hibernate()).append("`");
        appendColumns(sb, columns);
        return ("IDX" + hash(sb.toString())).toLowerCase(Locale.ROOT);
    }

    // Hibernate sorts a copy of the columns by canonical name so the order of binding does not matter.
    private static void appendColumns(StringBuilder sb, List<PhysicalName> columns) {
        List<PhysicalName> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(PhysicalName::canonical));
        for (PhysicalName c : sorted) {
            sb.append("column`").append(c.hibernate()).append("`");
        }
    }

    static String hash(String text) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] digest = md5.digest(text.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest).toString(35);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
