package io.migratewatch.packaging;

import io.migratewatch.config.Settings;
import io.migratewatch.config.SettingsLoader;
import io.migratewatch.db.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * daemon/migrate-watch.service (system) and daemon/migrate-watch-user.service (user) read as systemd reads them
 * (sections, keys that may repeat, comments dropped), against the README's "Running as a service (systemd)" section:
 * what they run, how they restart and stop, who they run as, what starts them, and the lines the README quotes.
 */
class SystemdUnitsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String SYSTEM = "daemon/migrate-watch.service";
    private static final String USER = "daemon/migrate-watch-user.service";

    /** One unit file: section → key → its values in order (Environment= and After= may repeat), and its comments. */
    record Unit(Map<String, Map<String, List<String>>> sections, List<String> comments) {

        static Unit read(Path file) throws IOException {
            Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
            List<String> comments = new ArrayList<>();
            Map<String, List<String>> current = null;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("#") || t.startsWith(";")) {
                    comments.add(t.substring(1).strip());
                } else if (t.startsWith("[") && t.endsWith("]")) {
                    current = sections.computeIfAbsent(t.substring(1, t.length() - 1), s -> new LinkedHashMap<>());
                } else if (!t.isEmpty()) {
                    assertThat(current).as(file.getFileName() + ": a key outside a section: " + t).isNotNull();
                    int eq = t.indexOf('=');
                    assertThat(eq).as(file.getFileName() + ": not key=value: " + t).isPositive();
                    current.computeIfAbsent(t.substring(0, eq).strip(), k -> new ArrayList<>()).add(t.substring(eq + 1).strip());
                }
            }
            return new Unit(sections, comments);
        }

        List<String> all(String section, String key) {
            return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
        }

        /** The key's only value. */
        String one(String section, String key) {
            List<String> values = all(section, key);
            assertThat(values).as("[" + section + "] " + key + "=").hasSize(1);
            return values.get(0);
        }
    }

    private static Unit unit(String file) throws IOException {
        return Unit.read(ROOT.resolve(file));
    }

    /** The README section "Running as a service (systemd)", up to the next section of the same level. */
    private static String readme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Running as a service (systemd)\n");
        assertThat(start).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    /** The README wraps its lines: compare with runs of white space as one space. */
    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    void bothUnitsRunTheLauncherStartInTheProjectAndRestartAndStopAsTheReadmeSays() throws IOException {
        String readme = flat(readme());
        Path launcher = ROOT.resolve("daemon/migrate-watch");
        assertThat(launcher).isRegularFile().isExecutable();
        assertThat(readme).contains("run `daemon/migrate-watch start`");
        for (String file : List.of(SYSTEM, USER)) {
            Unit u = unit(file);
            assertThat(u.sections().keySet()).as(file).containsExactly("Unit", "Service", "Install");
            assertThat(u.one("Unit", "Description")).as(file).startsWith("migrate-watch");

            String dir = u.one("Service", "WorkingDirectory");
            assertThat(u.one("Service", "ExecStart")).as(file + ": the launcher of the project it works in, command start")
                    .isEqualTo(dir + "/daemon/migrate-watch start");
            for (String key : List.of("Type", "Restart", "RestartSec", "KillSignal", "TimeoutStopSec")) {
                assertThat(readme).as(file + ": the README quotes " + key).contains("`" + key + "=" + u.one("Service", key) + "`");
            }
            assertThat(u.one("Service", "Type")).as("start stays in the foreground").isEqualTo("simple");
            assertThat(u.one("Service", "Restart")).isEqualTo("on-failure");
            assertThat(u.one("Service", "KillSignal")).as("the daemon's shutdown hook runs on SIGTERM").isEqualTo("SIGTERM");
            assertThat(readme).contains("the daemon waits up to 30 s for it");
            assertThat(Integer.parseInt(u.one("Service", "TimeoutStopSec")))
                    .as(file + ": systemd must not kill the daemon while it still waits for the migration in progress")
                    .isGreaterThan(30);

            assertThat(u.all("Service", "Environment")).as(file).containsExactly("NO_COLOR=1");
            assertThat(readme).contains("`Environment=NO_COLOR=1`", "commented `Environment=DATABASE_URL=…` line");
            String databaseUrl = u.comments().stream().filter(c -> c.startsWith("Environment=DATABASE_URL="))
                    .map(c -> c.substring("Environment=DATABASE_URL=".length())).findFirst().orElseThrow();
            Settings.Database database = SettingsLoader.load(null, ROOT, Map.of("DATABASE_URL", databaseUrl), null).database();
            DatabaseUrl url = DatabaseUrl.parse(database.url(), database.user(), database.password());
            assertThat(List.of(url.host(), url.port(), url.database(), url.user())).as(file + ": the commented DATABASE_URL as"
                    + " migrate-watch reads it").containsExactly("localhost", 5432, "app", "app");

            assertThat(readme).as(file).contains("`WantedBy=" + u.one("Install", "WantedBy") + "`");
        }
    }

    @Test
    void theSystemUnitRunsAtBootAsTheProjectsOwnerAfterTheNetworkAndPostgresql() throws IOException {
        Unit u = unit(SYSTEM);
        String user = u.one("Service", "User");
        assertThat(user).as("the owner of the project, not root").isNotBlank().isNotEqualTo("root");
        assertThat(u.one("Service", "WorkingDirectory")).startsWith("/");
        assertThat(u.one("Install", "WantedBy")).as("started at boot").isEqualTo("multi-user.target");
        assertThat(u.one("Unit", "Wants")).isEqualTo("network-online.target");
        assertThat(String.join(" ", u.all("Unit", "After")).split(" ")).contains("network-online.target", "postgresql.service");
        String readme = flat(readme());
        assertThat(readme).contains("runs at boot as the user named in User=", "in the system unit `User=`",
                "starts after `network-online.target` and `postgresql.service`",
                "sudo cp " + SYSTEM + " /etc/systemd/system/", "systemctl enable --now migrate-watch");
    }

    @Test
    void theUserUnitRunsInTheSessionFromTheHomeFolderWithoutAUserLine() throws IOException {
        Unit u = unit(USER);
        assertThat(u.all("Service", "User")).as("a user unit runs as its user; User= is for system units").isEmpty();
        assertThat(u.one("Service", "WorkingDirectory")).startsWith("%h/");
        assertThat(u.one("Install", "WantedBy")).as("started with the user's session").isEqualTo("default.target");
        String installed = "~/.config/systemd/user/migrate-watch.service";
        assertThat(String.join("\n", u.comments())).as("the unit's own instructions").contains("Copy to " + installed,
                "systemctl --user daemon-reload && systemctl --user enable --now migrate-watch");
        assertThat(flat(readme())).contains("cp " + USER + " " + installed,
                "systemctl --user daemon-reload && systemctl --user enable --now migrate-watch");
    }

    /** systemd's own reading of both units, when systemd-analyze is installed: no unknown key, no value it ignores. */
    @Test
    void systemdAnalyzeVerifiesBothUnitsPointedAtThisCheckout(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        for (String file : List.of(SYSTEM, USER)) {
            // the units name a project folder that is not on this machine: point them at this checkout, as an install would
            String text = Files.readString(ROOT.resolve(file)).replace("%h/src/app", ROOT.toString()).replace("/srv/app", ROOT.toString());
            Path copy = dir.resolve(Path.of(file).getFileName());
            Files.writeString(copy, text);
            Process p = new ProcessBuilder("systemd-analyze", "verify", "--man=no", copy.toString()).redirectErrorStream(true).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(file + ":\n" + out).isZero();
            assertThat(out).as(file).isBlank();
        }
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
