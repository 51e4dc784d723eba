package io.migratewatch.packaging;

import io.migratewatch.config.Settings;
import io.migratewatch.config.SettingsLoader;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml and docker-compose.production.yml parsed as YAML (no Docker is needed): the services, their
 * order of start, mounts, environment and health checks, against the settings migrate-watch reads and the README's
 * "Running in Docker" section, whose tables and commands must stay exact.
 */
class ComposeFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            assertThat(current).as("a mapping holding " + key).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
            assertThat(current).as(String.join(".", keys)).isNotNull();
        }
        return (Map<String, Object>) current;
    }

    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return map(compose, "services", name);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> node, String key) {
        return (List<String>) node.get(key);
    }

    /** Compose's {@code ${NAME:-default}} and {@code ${NAME:?error}} with {@code shell} as the environment. */
    private static String interpolated(String value, Map<String, String> shell) {
        Matcher m = Pattern.compile("\\$\\{([A-Z_]+):([-?])([^}]*)}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String set = shell.get(m.group(1));
            assertThat(set != null || m.group(2).equals("-")).as(m.group() + " must be set").isTrue();
            m.appendReplacement(out, Matcher.quoteReplacement(set != null ? set : m.group(3)));
        }
        return m.appendTail(out).toString();
    }

    private static Settings settings(Map<String, Object> service, Map<String, String> shell) {
        Map<String, String> resolved = new LinkedHashMap<>();
        environment(service).forEach((k, v) -> resolved.put(k, interpolated(v, shell)));
        return SettingsLoader.load(null, ROOT, resolved, null);
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        map(service, "environment").forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    /** The README section "Running in Docker / docker-compose", up to the next section of the same level. */
    private static String dockerSection() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Running in Docker / docker-compose\n");
        assertThat(start).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The rows of the README table whose header starts with {@code | header |}: each cell without its backticks. */
    private static List<List<String>> table(String section, String header) {
        List<List<String>> rows = new ArrayList<>();
        boolean inside = false;
        for (String line : section.lines().toList()) {
            if (line.startsWith("| " + header + " |")) {
                inside = true;
            } else if (inside && line.startsWith("| ---")) {
                continue;
            } else if (inside && line.startsWith("|")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split(" \\| ")) {
                    cells.add(cell.strip().replaceAll("^`(.*?)`", "$1"));
                }
                rows.add(cells);
            } else if (inside) {
                break;
            }
        }
        assertThat(rows).as("the README table headed " + header).isNotEmpty();
        return rows;
    }

    @Test
    void theDatabaseIsPostgres17WithAHealthCheckAndANamedVolume() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Object> db = service(compose, "db");

        assertThat(db.get("image")).isEqualTo("postgres:17");
        assertThat(list(map(db, "healthcheck"), "test")).containsExactly("CMD-SHELL", "pg_isready -U postgres -d shop");
        assertThat(list(db, "volumes")).containsExactly("db-data:/var/lib/postgresql/data");
        assertThat(map(compose, "volumes")).containsKey("db-data");
    }

    @Test
    void theSidecarStartsOnAHealthyDatabaseWithTheImageBuiltForItsMajorVersion() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, Object> sidecar = service(compose, "migrate-watch");

        assertThat(map(sidecar, "depends_on", "db")).containsEntry("condition", "service_healthy");
        assertThat(map(sidecar, "build")).containsEntry("context", ".").containsEntry("dockerfile", "daemon/Dockerfile");
        assertThat(ROOT.resolve("daemon/Dockerfile")).exists();
        String dbMajor = String.valueOf(service(compose, "db").get("image")).replace("postgres:", "");
        assertThat(map(sidecar, "build", "args")).containsEntry("PG_MAJOR", dbMajor);
        assertThat(list(sidecar, "command")).containsExactly("start");
        assertThat(list(map(sidecar, "healthcheck"), "test")).containsExactly("CMD", "migrate-watch", "--quiet", "status", "--check");
    }

    @Test
    void theSidecarsEnvironmentIsReadByMigrateWatchAndPointsAtTheDbService() throws IOException {
        Map<String, Object> compose = yaml("docker-compose.yml");
        Map<String, String> env = environment(service(compose, "migrate-watch"));
        assertThat(env).containsKeys("DATABASE_URL", "MIGRATION_WATCHER", "AUTO_GENERATE", "AUTO_APPLY", "NOTIFY_WEBHOOK_URL", "WATCHER_POLL");

        Settings settings = settings(service(compose, "migrate-watch"), Map.of());

        Map<String, Object> db = map(service(compose, "db"), "environment");
        assertThat(settings.database().url())
                .isEqualTo("postgres://postgres:" + db.get("POSTGRES_PASSWORD") + "@db:5432/" + db.get("POSTGRES_DB"));
        assertThat(settings.watcher().enabled()).isTrue();
        assertThat(settings.watcher().autoGenerate()).isTrue();
        assertThat(settings.watcher().autoApply()).isTrue();
        assertThat(settings.watcher().poll()).isEqualTo(Settings.PollMode.AUTO);
        assertThat(settings.notifications().webhookUrl()).as("no webhook unless NOTIFY_WEBHOOK_URL is set").isEmpty();
        assertThat(env.get("NOTIFY_WEBHOOK_URL")).isEqualTo("${NOTIFY_WEBHOOK_URL:-}");
    }

    @Test
    void theSidecarMountsTheModelsReadOnlyAndTheMigrationsAndBackupsWhereWatcherConfSaysTheyAre() throws IOException {
        List<String> volumes = list(service(yaml("docker-compose.yml"), "migrate-watch"), "volumes");
        Settings settings = SettingsLoader.load(null, ROOT, Map.of(), null);
        List<String> expected = new ArrayList<>();
        expected.add("./watcher.conf:/app/watcher.conf:ro");
        for (Path models : settings.models().paths()) {
            String relative = ROOT.relativize(models).toString();
            expected.add("./" + relative + ":/app/" + relative + ":ro");
        }
        String migrations = ROOT.relativize(settings.migrations().dir()).toString();
        String backups = ROOT.relativize(settings.backup().dir()).toString();
        expected.add("./" + migrations + ":/app/" + migrations);
        expected.add("./" + backups + ":/app/" + backups);
        expected.add("./.git:/app/.git:ro");

        assertThat(volumes).containsExactlyElementsOf(expected);
        for (String volume : volumes) {
            assertThat(ROOT.resolve(volume.substring(0, volume.indexOf(':')))).as(volume).exists();
        }
    }

    @Test
    void theReadmesTablesAreTheSidecarsMountsAndEnvironment() throws IOException {
        Map<String, Object> sidecar = service(yaml("docker-compose.yml"), "migrate-watch");
        String section = dockerSection();

        List<String> documentedMounts = table(section, "host").stream()
                .map(row -> row.get(0) + ":" + row.get(1) + (row.get(2).startsWith("read-only") ? ":ro" : ""))
                .toList();
        assertThat(documentedMounts).containsExactlyElementsOf(list(sidecar, "volumes"));

        Map<String, String> documentedEnv = new LinkedHashMap<>();
        table(section, "variable").forEach(row -> documentedEnv.put(row.get(0), row.get(1)));
        assertThat(documentedEnv).containsExactlyEntriesOf(environment(sidecar));
    }

    @Test
    void everyVariableTheComposeFilesSetForMigrateWatchIsDocumentedInTheConfigurationOrSwitches() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> variables = new ArrayList<>(environment(service(yaml("docker-compose.yml"), "migrate-watch")).keySet());
        variables.addAll(environment(service(yaml("docker-compose.production.yml"), "migrate")).keySet());

        List<String> settingRows = readme.lines().filter(l -> l.startsWith("| `")).toList();
        for (String variable : variables) {
            assertThat(settingRows).as(variable).anyMatch(row -> row.startsWith("| `" + variable + "` | `watcher.")
                    || (row.contains("Env ") && row.substring(row.indexOf("Env ")).contains("`" + variable + "`")));
        }
    }

    @Test
    void inProductionTheApplicationStartsOnlyAfterAOneShotDeployOfTheSameImageSucceeded() throws IOException {
        Map<String, Object> production = yaml("docker-compose.production.yml");
        Map<String, Object> development = yaml("docker-compose.yml");
        Map<String, Object> migrate = service(production, "migrate");
        Map<String, Object> app = service(production, "app");

        assertThat(list(migrate, "command")).containsExactly("deploy");
        assertThat(migrate.get("restart")).isEqualTo("no");
        assertThat(migrate.get("image")).isEqualTo(service(development, "migrate-watch").get("image"));
        assertThat(map(migrate, "build")).isEqualTo(map(service(development, "migrate-watch"), "build"));
        assertThat(map(migrate, "depends_on", "db")).containsEntry("condition", "service_healthy");
        assertThat(map(app, "depends_on", "migrate")).containsEntry("condition", "service_completed_successfully");
        assertThat(map(app, "depends_on", "db")).containsEntry("condition", "service_healthy");
        assertThat(list(migrate, "volumes")).contains("./migrations:/app/migrations:ro", "backups:/app/backups")
                .noneMatch(v -> v.contains("src/main/java"));
        assertThat(map(production, "volumes")).containsKeys("db-data", "backups");

        Settings settings = settings(migrate, Map.of("POSTGRES_PASSWORD", "p@ss/word"));
        assertThat(settings.database().url()).isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(settings.database().user()).isEqualTo("postgres");
        assertThat(settings.database().password()).isEqualTo("p@ss/word");
        assertThat(interpolated(String.valueOf(map(service(production, "db"), "environment").get("POSTGRES_PASSWORD")),
                Map.of("POSTGRES_PASSWORD", "p@ss/word"))).isEqualTo("p@ss/word");
        assertThat(list(map(service(production, "db"), "healthcheck"), "test")).contains("pg_isready -U postgres -d shop");
    }

    @Test
    void theReadmesDockerCommandsNameFilesAndServicesThatExist() throws IOException {
        Pattern command = Pattern.compile("^(?:[A-Z_]+=\\S+ )*docker (compose|build) (.*)$", Pattern.MULTILINE);
        Matcher m = command.matcher(dockerSection());
        int commands = 0;
        while (m.find()) {
            commands++;
            List<String> words = List.of(m.group(2).replaceAll("\\s+#.*$", "").split("\\s+"));
            if (m.group(1).equals("build")) {
                assertThat(ROOT.resolve(words.get(words.indexOf("-f") + 1))).as(m.group()).exists();
                assertThat(words).as(m.group() + ": the build context is the repository root").endsWith(".");
                continue;
            }
            // docker compose [-f FILE] COMMAND ...: an -f after the command is that command's own (logs -f: follow)
            String file = words.get(0).equals("-f") ? words.get(1) : "docker-compose.yml";
            assertThat(ROOT.resolve(file)).as(m.group()).exists();
            for (String verb : List.of("logs", "exec")) {
                int at = words.indexOf(verb);
                if (at >= 0) {
                    String service = words.get(at + 1).equals("-f") ? words.get(at + 2) : words.get(at + 1);
                    assertThat(map(yaml(file), "services")).as(m.group()).containsKey(service);
                }
            }
        }
        assertThat(commands).isGreaterThanOrEqualTo(5);
    }
}
