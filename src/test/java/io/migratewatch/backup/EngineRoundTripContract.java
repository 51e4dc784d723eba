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
        return new Backups(new Settings.Backup(true, dir.resolve("backups"), 20, engine(), "", List.of()),
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

    /** Owner and effective ACL (a NULL ACL is the default one) of everything a backup carries, default privileges too. */
    private String ownersAndGrants() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("""
                SELECT string_agg(x, E'\n' ORDER BY x) FROM (
                  SELECT 'schema ' || nspowner::regrole || ' ' || coalesce(nspacl, acldefault('n', nspowner))::text AS x
                    FROM pg_namespace WHERE nspname = 'public'
                  UNION ALL SELECT 'relation ' || relname || ' ' || relowner::regrole || ' '
                      || coalesce(relacl, acldefault(CASE relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", relowner))::text
                    FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')
                  UNION ALL SELECT 'column ' || c.relname || '.' || a.attname || ' ' || a.attacl::text
                    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                    WHERE c.relnamespace = 'public'::regnamespace AND a.attacl IS NOT NULL
                  UNION ALL SELECT 'type ' || typname || ' ' || typowner::regrole || ' ' || coalesce(typacl, acldefault('T', typowner))::text
                    FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
                  UNION ALL SELECT 'large object ' || lomowner::regrole || ' ' || coalesce(lomacl, acldefault('L', lomowner))::text
                    FROM pg_largeobject_metadata
                  UNION ALL SELECT 'default ' || defaclrole::regrole || ' ' || defaclobjtype::text || ' ' || defaclacl::text
                    FROM pg_default_acl WHERE defaclnamespace = 'public'::regnamespace
                ) f""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Owners and privileges come back as they were: the schema's, the tables', sequences', enum types',
     * columns' and large objects', grants made by a role other than the owner and default privileges
     * included, so that an application role reads the restored tables as before.
     */
    @Test
    void ownersAndPrivilegesComeBack() throws Exception {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        String owner = "mw_owner_" + suffix;
        String app = "mw_app_" + suffix;
        String other = "mw_other_" + suffix;
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String role : List.of(owner, app, other)) {
                s.execute("CREATE ROLE " + role + " NOLOGIN");
            }
            s.execute("ALTER SCHEMA public OWNER TO " + owner);
            for (String table : List.of("customer", "\"order\"", "big", "by_default")) {
                s.execute("ALTER TABLE " + table + " OWNER TO " + owner);
            }
            s.execute("ALTER SEQUENCE invoice_numbers OWNER TO " + owner);
            s.execute("ALTER TYPE mood OWNER TO " + owner);
            s.execute("REVOKE USAGE ON TYPE mood FROM PUBLIC");
            s.execute("GRANT USAGE ON TYPE mood TO " + app);
            s.execute("GRANT USAGE ON SCHEMA public TO " + app + ", " + other);
            s.execute("GRANT SELECT, INSERT ON customer, \"order\" TO " + app + " WITH GRANT OPTION");
            s.execute("GRANT DELETE ON customer TO " + app);
            s.execute("GRANT UPDATE (nickname) ON customer TO " + app);
            s.execute("GRANT USAGE ON SEQUENCE invoice_numbers TO " + app);
            s.execute("REVOKE ALL ON scratch FROM PUBLIC");
            s.execute("SET ROLE " + app);
            s.execute("GRANT SELECT ON customer TO " + other);
            s.execute("RESET ROLE");
            long oid;
            try (java.sql.ResultSet rs = s.executeQuery("SELECT min(oid) FROM pg_largeobject_metadata")) {
                rs.next();
                oid = rs.getLong(1);
            }
            s.execute("ALTER LARGE OBJECT " + oid + " OWNER TO " + owner);
            s.execute("GRANT SELECT ON LARGE OBJECT " + oid + " TO " + app);
            s.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public GRANT SELECT ON TABLES TO " + app);
        }
        try {
            String before = ownersAndGrants();
            assertThat(before).contains("relation customer " + owner, app + "=a*r*d/" + owner, other + "=r/" + app,
                    "type mood " + owner + " {" + owner + "=U/" + owner + "," + app + "=U/" + owner + "}");
            BackupFile backup = backup();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
            }
            restore(backup.path());

            assertThat(ownersAndGrants()).isEqualTo(before);
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("SET ROLE " + other);
                try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM public.customer")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(4);
                }
                s.execute("RESET ROLE");
            }
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                // roles belong to the whole server: none of this run's may stay behind
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
                s.execute("SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
                s.execute("DROP OWNED BY " + owner + ", " + app + ", " + other);
                s.execute("DROP ROLE " + other + ", " + app + ", " + owner);
            }
        }
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
