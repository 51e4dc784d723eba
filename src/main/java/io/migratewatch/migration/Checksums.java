package io.migratewatch.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.WeakHashMap;

/** SHA-256 over normalised SQL: line endings, trailing whitespace and trailing blank lines do not count. */
public final class Checksums {

    private Checksums() {
    }

    /**
     * Checksums of sections still held somewhere (by a parsed file), by their up text: the daemon compares every applied
     * file with the history on each change, and the same texts need not be check-summed again. Weak keys: a text no
     * longer in use is forgotten.
     */
    private static final Map<String, Known> KNOWN = Collections.synchronizedMap(new WeakHashMap<>());

    private record Known(String down, String checksum) {
    }

    public static String of(String up, String down) {
        Known known = KNOWN.get(up);
        if (known != null && known.down().equals(down)) {
            return known.checksum();
        }
        String checksum = compute(up, down);
        KNOWN.put(up, new Known(down, checksum));
        return checksum;
    }

    private static String compute(String up, String down) {
        String text = normalise(up) + "\n-- +down\n" + normalise(down);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    static String normalise(String sql) {
        String[] lines = sql.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
