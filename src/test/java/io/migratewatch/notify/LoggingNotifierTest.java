package io.migratewatch.notify;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingNotifierTest {

    @Test
    void everyNotificationIsLoggedAtALevelByKind() {
        try (LogCapture log = LogCapture.of("io.migratewatch.notify")) {
            LoggingNotifier notifier = new LoggingNotifier();
            for (EventKind kind : EventKind.values()) {
                notifier.send(Notification.of(kind, kind.name()));
            }

            List<String> levels = log.events().stream()
                    .map(e -> e.getFormattedMessage() + "=" + e.getLevel())
                    .collect(Collectors.toList());
            assertThat(levels).containsExactly(
                    "APPLIED=INFO", "GENERATED=INFO", "HELD=WARN", "FAILED=WARN", "WAITING=WARN",
                    "MODELS_CHANGED=INFO", "UNREACHABLE=WARN", "RECOVERED=INFO", "INFO=INFO");
            assertThat(log.events()).extracting(ILoggingEvent::getLoggerName).containsOnly("io.migratewatch.notify");
        }
    }

    @Test
    void detailFollowsTheText() {
        try (LogCapture log = LogCapture.of("io.migratewatch.notify")) {
            new LoggingNotifier().send(new Notification(EventKind.HELD, "⚠ Held: drop table audit", "abc", "run: migrate-watch upgrade"));

            assertThat(log.messages(Level.WARN)).containsExactly(
                    "⚠ Held: drop table audit" + System.lineSeparator() + "  run: migrate-watch upgrade");
        }
    }
}
