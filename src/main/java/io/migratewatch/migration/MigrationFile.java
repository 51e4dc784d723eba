package io.migratewatch.migration;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One migration file: its header and its up and down SQL. {@code upLine} and {@code downLine} are
 * the file lines on which the sections' SQL starts, so errors can point into the file.
 * {@code sealed} is when {@code migrate-watch seal} finished it (null if never): the daemon no
 * longer folds changes into a sealed migration. {@code proofWhenApplied}: its reversibility is proven in
 * the transaction that applies it ({@code -- proof: when applied}), not before it was written.
 */
public record MigrationFile(Path path, String revision, List<String> parents, String description, Instant created,
                            String generated, String up, String down, int upLine, int downLine, Instant sealed,
                            boolean proofWhenApplied) {

    public MigrationFile {
        parents = List.copyOf(parents);
    }

    public MigrationFile(Path path, String revision, List<String> parents, String description, Instant created,
                         String generated, String up, String down, int upLine, int downLine, Instant sealed) {
        this(path, revision, parents, description, created, generated, up, down, upLine, downLine, sealed, false);
    }

    public MigrationFile(Path path, String revision, List<String> parents, String description, Instant created,
                         String generated, String up, String down, int upLine, int downLine) {
        this(path, revision, parents, description, created, generated, up, down, upLine, downLine, null);
    }

    public MigrationFile withContent(String newDescription, String newUp, String newDown) {
        return new MigrationFile(path, revision, parents, newDescription, created, generated, newUp, newDown, 0, 0, sealed,
                proofWhenApplied);
    }

    public MigrationFile sealedAt(Instant when, String newDescription) {
        return new MigrationFile(path, revision, parents, newDescription, created, generated, up, down, upLine, downLine, when,
                proofWhenApplied);
    }

    /** The same migration, to be proven in the transaction that applies it. */
    public MigrationFile provenWhenApplied() {
        return new MigrationFile(path, revision, parents, description, created, generated, up, down, upLine, downLine, sealed, true);
    }

    /** The {@code generated} value of migrations the watch daemon writes (generate writes {@code auto}). */
    public static final String DAEMON = "daemon";

    /** Written by the daemon and not yet sealed: the daemon may still fold changes into it. */
    public boolean isOpenDaemonMigration() {
        return DAEMON.equals(generated) && sealed == null;
    }

    /** The checksum of the SQL sections, insensitive to line endings and trailing whitespace. */
    public String checksum() {
        return Checksums.of(up, down);
    }

    public String fileName() {
        return path == null ? revision : path.getFileName().toString();
    }

    public String shortRevision() {
        return revision.length() > 8 ? revision.substring(0, 8) : revision;
    }
}
