package io.migratewatch.notify;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DesktopNotifierTest {

    private static final Notification HELD = new Notification(EventKind.HELD,
            "⚠ Held: drop \"users\".email \\ 3 rows", "3f4a5b6c", "run: migrate-watch upgrade --allow-destructive");
    private static final String HELD_BODY = "⚠ Held: drop \"users\".email \\ 3 rows\nrun: migrate-watch upgrade --allow-destructive";

    private static boolean unix() {
        return !System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }

    private static Path executable(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        if (unix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        }
        return file;
    }

    @Test
    void withoutBusOrDisplayItReturnsAtOnceAndLogsOnce(@TempDir Path bin) throws IOException {
        // both tools are on the PATH and record any call: "at once" means that no command is ever started
        Path calls = bin.resolve("calls");
        executable(bin, "notify-send", "#!/bin/sh\necho notify-send >> '" + calls + "'\n");
        executable(bin, "gdbus", "#!/bin/sh\necho gdbus >> '" + calls + "'\n");
        try (LogCapture log = LogCapture.of(DesktopNotifier.class)) {
            DesktopNotifier desktop = new DesktopNotifier(Map.of("PATH", bin + File.pathSeparator + System.getenv("PATH")), "Linux",
                    Duration.ofSeconds(5));

            for (int i = 0; i < 3; i++) {
                assertThatCode(() -> desktop.send(HELD)).doesNotThrowAnyException();
            }

            assertThat(calls).as("no command was started").doesNotExist();
            assertThat(desktop.command(HELD)).isNull();
            assertThat(desktop.active()).isFalse();
            assertThat(log.events()).singleElement().satisfies(e -> {
                assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
                assertThat(e.getFormattedMessage()).contains("DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY");
            });
        }
    }

    @Test
    void anEmptyEnvironmentIsNoDesktop() {
        DesktopNotifier desktop = new DesktopNotifier(Map.of(), "Linux", Duration.ofSeconds(5));

        assertThatCode(() -> desktop.send(HELD)).doesNotThrowAnyException();
        assertThat(desktop.active()).isFalse();
        assertThat(desktop.command(HELD)).isNull();
    }

    @Test
    void withoutNotifySendOrGdbusItLogsOnce(@TempDir Path emptyBin) {
        try (LogCapture log = LogCapture.of(DesktopNotifier.class)) {
            DesktopNotifier desktop = new DesktopNotifier(
                    Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", "DISPLAY", ":99", "PATH", emptyBin.toString()),
                    "Linux", Duration.ofSeconds(5));

            desktop.send(HELD);
            desktop.send(HELD);

            assertThat(desktop.active()).isFalse();
            assertThat(log.messages(Level.DEBUG)).singleElement().asString().contains("notify-send", "gdbus", "PATH");
        }
    }

    @Test
    void aFailingCommandTurnsItOffAfterOneDebugLine(@TempDir Path bin) throws IOException {
        Path notifySend = DesktopSession.which("notify-send");
        assumeTrue(notifySend != null, "test skipped: notify-send is missing; " + DesktopSession.INSTALL);
        assumeTrue(unix(), "the call-counting wrapper needs a Unix shell");
        // the real notify-send, behind a wrapper that counts the calls
        Path calls = bin.resolve("calls");
        executable(bin, "notify-send", "#!/bin/sh\necho call >> '" + calls + "'\nexec '" + notifySend + "' \"$@\"\n");
        try (LogCapture log = LogCapture.of(DesktopNotifier.class)) {
            DesktopNotifier desktop = new DesktopNotifier(
                    Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/migrate-watch-bus",
                            "PATH", bin + File.pathSeparator + System.getenv("PATH")),
                    "Linux", Duration.ofSeconds(10));

            assertThatCode(() -> desktop.send(HELD)).doesNotThrowAnyException();
            desktop.send(HELD);

            assertThat(Files.readAllLines(calls)).as("one attempt, no second").hasSize(1);
            assertThat(desktop.active()).isFalse();
            assertThat(log.messages(Level.DEBUG)).singleElement().asString().contains("notify-send exited with status");
        }
    }

    @Test
    void aHangingCommandIsKilledAtTheTimeout(@TempDir Path bin) throws Exception {
        assumeTrue(unix(), "the hanging-command test needs a Unix shell");
        Path sleep = Files.isExecutable(Path.of("/bin/sleep")) ? Path.of("/bin/sleep") : Path.of("/usr/bin/sleep");
        Path pidFile = bin.resolve("pid");
        executable(bin, "notify-send", "#!/bin/sh\necho $$ > '" + pidFile + "'\nexec " + sleep + " 30\n");
        try (LogCapture log = LogCapture.of(DesktopNotifier.class)) {
            DesktopNotifier desktop = new DesktopNotifier(Map.of("DISPLAY", ":99", "PATH", bin.toString()), "Linux",
                    Duration.ofMillis(500));

            long start = System.nanoTime();
            assertThatCode(() -> desktop.send(HELD)).doesNotThrowAnyException();
            // the notifier's own 500 ms timeout, not the command's 30 s: a bound far from both, for a loaded machine
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

            assertThat(desktop.active()).isFalse();
            assertThat(log.messages(Level.DEBUG)).singleElement().asString().contains("did not finish within 500 ms");
            assertThat(DesktopSession.await(Duration.ofSeconds(5), () -> Files.exists(pidFile))).isTrue();
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            assertThat(DesktopSession.await(Duration.ofSeconds(5), () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)))
                    .as("the command was killed").isTrue();
        }
    }

    @Test
    void notifySendGetsAnArgumentVectorWithAnAsciiBody(@TempDir Path bin) throws IOException {
        Path notifySend = executable(bin, "notify-send", "");
        executable(bin, "gdbus", "");
        DesktopNotifier desktop = new DesktopNotifier(Map.of("DISPLAY", ":0", "PATH", bin.toString()), "Linux", Duration.ofSeconds(5));

        assertThat(desktop.command(HELD)).containsExactly(notifySend.toString(), "--app-name=migrate-watch", "--urgency=normal",
                "--", "migrate-watch", "\\342\\232\\240 Held: drop \"users\".email \\\\ 3 rows\nrun: migrate-watch upgrade --allow-destructive");
        assertThat(desktop.command(Notification.of(EventKind.FAILED, "x"))).contains("--urgency=critical");
        assertThat(desktop.command(Notification.of(EventKind.UNREACHABLE, "x"))).contains("--urgency=critical");
        assertThat(desktop.command(Notification.of(EventKind.INFO, "x"))).contains("--urgency=low");
        assertThat(desktop.command(Notification.of(EventKind.APPLIED, "-x --help"))).endsWith("--", "migrate-watch", "-x --help");
        assertThat(desktop.environment(HELD)).containsExactlyInAnyOrderEntriesOf(Map.of("DISPLAY", ":0", "PATH", bin.toString()));
    }

    @Test
    void gdbusGetsGVariantLiterals(@TempDir Path bin) throws IOException {
        Path gdbus = executable(bin, "gdbus", "");
        DesktopNotifier desktop = new DesktopNotifier(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/x", "PATH", bin.toString()),
                "Linux", Duration.ofSeconds(5));

        assertThat(desktop.command(HELD)).containsExactly(gdbus.toString(), "call", "--session",
                "--dest", "org.freedesktop.Notifications", "--object-path", "/org/freedesktop/Notifications",
                "--method", "org.freedesktop.Notifications.Notify",
                "\"migrate-watch\"", "uint32 0", "\"\"", "\"migrate-watch\"",
                "\"\\u26a0 Held: drop \\\"users\\\".email \\\\ 3 rows\\u000arun: migrate-watch upgrade --allow-destructive\"",
                "@as []", "{\"urgency\": <byte 1>}", "int32 -1");
        assertThat(DesktopNotifier.gvariantString("😀 é \u0007")).isEqualTo("\"\\U0001f600 \\u00e9 \\u0007\"");
    }

    @Test
    void macOsPassesTheTextsAsArgumentsToAFixedScript(@TempDir Path bin) throws IOException {
        Path osascript = executable(bin, "osascript", "");
        DesktopNotifier desktop = new DesktopNotifier(Map.of("PATH", bin.toString()), "Mac OS X", Duration.ofSeconds(5));

        List<String> argv = desktop.command(HELD);

        assertThat(argv).containsExactly(osascript.toString(),
                "-e", "on run argv",
                "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
                "-e", "end run",
                "migrate-watch", HELD_BODY);
    }

    @Test
    void macOsWithoutOsascriptIsSkippedQuietly(@TempDir Path emptyBin) {
        assumeTrue(!Files.exists(Path.of("/usr/bin/osascript")), "this machine has osascript");
        try (LogCapture log = LogCapture.of(DesktopNotifier.class)) {
            DesktopNotifier desktop = new DesktopNotifier(Map.of("PATH", emptyBin.toString()), "Mac OS X", Duration.ofSeconds(5));

            desktop.send(HELD);
            desktop.send(HELD);

            assertThat(desktop.active()).isFalse();
            assertThat(log.messages(Level.DEBUG)).singleElement().asString().contains("osascript");
        }
    }

    @Test
    void windowsRunsAFixedEncodedScriptAndPassesTheTextsInTheEnvironment(@TempDir Path bin) throws IOException {
        Path powershell = executable(bin, "powershell.exe", "");
        DesktopNotifier desktop = new DesktopNotifier(Map.of("Path", bin.toString(), "SystemRoot", "C:\\Windows"), "Windows 11",
                Duration.ofSeconds(5));

        List<String> argv = desktop.command(HELD);

        assertThat(argv).hasSize(5);
        assertThat(argv.subList(0, 4)).containsExactly(powershell.toString(), "-NoProfile", "-NonInteractive", "-EncodedCommand");
        String script = new String(Base64.getDecoder().decode(argv.get(4)), StandardCharsets.UTF_16LE);
        assertThat(script).isEqualTo(DesktopNotifier.TOAST_SCRIPT)
                .contains("$env:MIGRATE_WATCH_TOAST_TITLE", "$env:MIGRATE_WATCH_TOAST_BODY", "CreateTextNode")
                .doesNotContain("Held");
        assertThat(desktop.environment(HELD)).containsEntry("MIGRATE_WATCH_TOAST_TITLE", "migrate-watch")
                .containsEntry("MIGRATE_WATCH_TOAST_BODY", HELD_BODY)
                .containsEntry("SystemRoot", "C:\\Windows");
    }

    @Test
    void notifySendTextKeepsPrintableAsciiAndEscapesTheRest() {
        assertThat(DesktopNotifier.notifySendText("a\\b \"c\" ✓\n\te\u0000\r"))
                .isEqualTo("a\\\\b \"c\" \\342\\234\\223\n\te\\015");
    }
}
