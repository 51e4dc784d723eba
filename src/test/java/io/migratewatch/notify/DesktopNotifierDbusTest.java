package io.migratewatch.notify;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sends real desktop notifications on Linux: a private D-Bus session bus, an Xvfb display and dunst as
 * the notification server, with dbus-monitor recording what arrives. Skipped, with a message naming the
 * missing tools and how to install them, where those tools are not installed.
 */
class DesktopNotifierDbusTest {

    private static DesktopSession session;
    private static String skipped;

    /**
     * Starts the desktop before the first test. The assumption is made per test, not in {@code @BeforeAll}:
     * Surefire reports a class aborted in {@code @BeforeAll} as "Tests run: 0" without the reason.
     */
    @BeforeEach
    void desktop() throws Exception {
        if (session == null && skipped == null) {
            List<String> missing = DesktopSession.missingTools();
            if (!System.getProperty("os.name", "").toLowerCase().startsWith("linux")) {
                skipped = "the real desktop notification test runs on Linux only, not on " + System.getProperty("os.name");
            } else if (!missing.isEmpty()) {
                skipped = "real desktop notification test skipped: missing " + String.join(", ", missing) + "; " + DesktopSession.INSTALL;
            }
            if (skipped != null) {
                System.err.println("[DesktopNotifierDbusTest] " + skipped);
            } else {
                session = DesktopSession.start();
            }
        }
        assumeTrue(skipped == null, skipped);
    }

    @AfterAll
    static void stopDesktop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void notifySendDeliversTheNotificationToTheServer() throws Exception {
        String id = UUID.randomUUID().toString();
        DesktopNotifier desktop = new DesktopNotifier(session.env(System.getenv("PATH")), "Linux", Duration.ofSeconds(10));
        assertThat(desktop.command(Notification.of(EventKind.APPLIED, "x")).get(0)).endsWith("/notify-send");

        desktop.send(new Notification(EventKind.APPLIED, "✓ Migration applied: add \"users\".email \\ " + id, "3f4a5b6c",
                "backup: backups/backup_20260819_143020.sql"));

        String call = session.awaitNotifyCall(Duration.ofSeconds(5), id);
        assertThat(call).as("a Notify call reached the bus" + session.diagnostics()).isNotNull();
        assertThat(call)
                .contains("member=Notify")
                .contains("string \"migrate-watch\"")
                .contains("string \"✓ Migration applied: add \"users\".email \\ " + id + "\nbackup: backups/backup_20260819_143020.sql\"")
                .contains("byte 1");
        assertThat(desktop.active()).isTrue();
    }

    @Test
    void failuresAreSentAsCritical() throws Exception {
        String id = UUID.randomUUID().toString();
        DesktopNotifier desktop = new DesktopNotifier(session.env(System.getenv("PATH")), "Linux", Duration.ofSeconds(10));

        desktop.send(Notification.of(EventKind.FAILED, "✗ Migration failed " + id));

        String call = session.awaitNotifyCall(Duration.ofSeconds(5), id);
        assertThat(call).as("a Notify call reached the bus" + session.diagnostics()).isNotNull();
        assertThat(call).contains("string \"✗ Migration failed " + id + "\"").contains("byte 2");
    }

    @Test
    void gdbusDeliversTheNotificationWhenNotifySendIsMissing(@TempDir Path bin) throws Exception {
        Path gdbus = DesktopSession.which("gdbus");
        assumeTrue(gdbus != null, "gdbus test skipped: gdbus is missing; install it with "
                + "`sudo apt-get install -y --no-install-recommends libglib2.0-bin`");
        Path link = Files.createSymbolicLink(bin.resolve("gdbus"), gdbus);
        try {
            sendThroughGdbus(bin);
        } finally {
            Files.delete(link); // JUnit warns about links leaving @TempDir otherwise
        }
    }

    private void sendThroughGdbus(Path bin) throws Exception {
        String id = UUID.randomUUID().toString();
        DesktopNotifier desktop = new DesktopNotifier(session.env(bin.toString()), "Linux", Duration.ofSeconds(10));
        assertThat(desktop.command(Notification.of(EventKind.APPLIED, "x")).get(0)).isEqualTo(bin.resolve("gdbus").toString());

        desktop.send(new Notification(EventKind.HELD, "⚠ Held: \"quoted\" \\ back 😀 " + id, null, "run: migrate-watch upgrade"));

        String call = session.awaitNotifyCall(Duration.ofSeconds(5), id);
        assertThat(call).as("a Notify call reached the bus" + session.diagnostics()).isNotNull();
        assertThat(call)
                .contains("string \"migrate-watch\"")
                .contains("string \"⚠ Held: \"quoted\" \\ back 😀 " + id + "\nrun: migrate-watch upgrade\"")
                .contains("byte 1");
        assertThat(desktop.active()).isTrue();
    }

    @Test
    void aBusWithoutADisplayIsEnough() throws Exception {
        String id = UUID.randomUUID().toString();
        DesktopNotifier desktop = new DesktopNotifier(
                java.util.Map.of("DBUS_SESSION_BUS_ADDRESS", session.busAddress(), "PATH", System.getenv("PATH")), "Linux",
                Duration.ofSeconds(10));

        desktop.send(Notification.of(EventKind.INFO, "watching " + id));

        assertThat(session.awaitNotifyCall(Duration.ofSeconds(5), id)).as("a Notify call reached the bus" + session.diagnostics())
                .isNotNull().contains("byte 0");
    }
}
