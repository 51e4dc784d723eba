package io.migratewatch.migration;

import java.security.SecureRandom;
import java.util.HexFormat;

/** New revision ids: 12 random hexadecimal digits. */
public final class Revisions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Revisions() {
    }

    public static String next() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes); // not generateSeed: that reads the OS entropy source and can block
        return HexFormat.of().formatHex(bytes);
    }
}
