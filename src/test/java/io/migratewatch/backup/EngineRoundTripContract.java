package io.migratewatch.backup;

import io.migratewatch.config.Settings;
import io.migratewatch.db.DatabaseUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every backup engine must do, on a real database holding every kind of value the issue lists
 * and a table of 100,000 rows: back up, lose the schema or damage the data, restore, and find
 * catalog, data, sequence positions and large objects exactly as they were.
 */
abstract class EngineRoundTripContract {

    @TempDir
    Path dir;

    abstract Connection connect() throws SQLException;

    abstract DatabaseUrl url();

    abstract Settings.BackupEngineChoice engine();

    /** The engine's name in the manifest. */
    abstract String engineName();

    Backups backups() {
        return new Backups(new Settings.Backup(true, dir.resolve("backups"), 20, engine(), "", List.of("--no-owner", "--no-privileges")),
                "public", url());
    }

    @BeforeEach
    void freshFixture() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
            s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
            Fixture.create(c);
        }
    }

    private BackupFile backup() throws SQLException {
        try (Connection c = connect()) {
            return backups().take(c, "bbbbbbbbbbbb", "test", Progress.NONE);
        }
    }

    private void restore(Path file) throws Exception {
        try (Connection c = connect(); BackupSource source = backups().open(file)) {
            backups().restore(c, source, Progress.NONE, connection -> { });
        }
    }

    private Map<String, String> fingerprint() throws SQLException {
        try (Connection c = connect()) {
            return Fixture.fingerprint(c, "public");
        }
    }

    @Test
    void aDroppedSchemaComesBackExactly() throws Exception {
        Map<String, String> before = fingerprint();
        BackupFile backup = backup();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
        }
        restore(backup.path());

        assertThat(fingerprint()).isEqualTo(before);
        assertThat(backup.manifest().engine()).isEqualTo(engineName());
    }

    @Test
    void damagedDataComesBackExactly() throws Exception {
        Map<String, String> before = fingerprint();
        BackupFile backup = backup();

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM big WHERE id % 3 = 0");
            s.execute("UPDATE customer SET nickname = NULL, tags = '{changed}'");
            s.execute("INSERT INTO by_default (v) VALUES ('after the backup')");
            s.execute("SELECT setval('invoice_numbers', 5000)");
            s.execute("CREATE TABLE created_later (id int)");
            s.execute("DROP INDEX order_lower");
            s.execute("SELECT lo_from_bytea(0, 'new object')");
            s.execute("SELECT lo_put(photo, 0, 'CHANGED') FROM customer WHERE name = 'large object'");
        }
        assertThat(fingerprint()).isNotEqualTo(before);
        restore(backup.path());

        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void theManifestCountsEveryTableAndLargeObject() throws Exception {
        BackupFile backup = backup();

        Manifest m = backup.manifest();
        assertThat(m.schema()).isEqualTo("public");
        assertThat(m.revision()).isEqualTo("bbbbbbbbbbbb");
        assertThat(m.largeObjects()).isEqualTo(3);
        assertThat(m.tables()).contains(new Manifest.Table("big", Fixture.BIG_ROWS), new Manifest.Table("customer", 4),
                new Manifest.Table("line\nbreak", 2), new Manifest.Table("nothing_but_rows", 2), new Manifest.Table("migrate_watch_history", 2));
        assertThat(m.size()).isEqualTo(Files.size(backup.path()));
        assertThat(Files.readString(backup.path(), StandardCharsets.UTF_8)).startsWith("-- migrate-watch backup\n");
    }

    @Test
    void aFileChangedAfterwardsIsRefusedAndTheDatabaseIsUntouched() throws Exception {
        BackupFile backup = backup();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM big WHERE id > 10");
        }
        Map<String, String> damaged = fingerprint();

        // same length, one digit of one row changed: only the checksum can tell
        String text = Files.readString(backup.path(), StandardCharsets.UTF_8);
        int at = text.indexOf("\tlabel 50001\t") + "\tlabel ".length();
        assertThat(at).isGreaterThan(100);
        try (RandomAccessFile raf = new RandomAccessFile(backup.path().toFile(), "rw")) {
            raf.seek(text.substring(0, at).getBytes(StandardCharsets.UTF_8).length);
            raf.write('6');
        }
        assertThatThrownBy(() -> restore(backup.path())).isInstanceOf(BackupException.class)
                .hasMessageContaining("checksum").hasMessageContaining("rolled back");
        assertThat(fingerprint()).isEqualTo(damaged);

        // cut short: the manifest's size says so before anything is touched
        try (RandomAccessFile raf = new RandomAccessFile(backup.path().toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertThatThrownBy(() -> restore(backup.path())).isInstanceOf(BackupException.class)
                .hasMessageContaining("truncated").hasMessageContaining("Nothing was changed");
        assertThat(fingerprint()).isEqualTo(damaged);
    }
}
