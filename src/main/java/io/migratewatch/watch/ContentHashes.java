package io.migratewatch.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Remembers each file's content hash, so a save that changes nothing triggers nothing. */
public final class ContentHashes {

    private static final byte[] MISSING = new byte[0];
    private final Map<Path, byte[]> hashes = new HashMap<>();

    /** Records the file's current content; true when it differs from what was recorded before. */
    public boolean changed(Path file) {
        byte[] now = hash(file);
        byte[] before = hashes.put(file, now);
        return before == null ? now != MISSING : !Arrays.equals(before, now);
    }

    /** Forgets a file, so its next state counts as a change (used when a change could not be processed). */
    public void forget(Path file) {
        hashes.remove(file);
    }

    private static byte[] hash(Path file) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            return MISSING;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
