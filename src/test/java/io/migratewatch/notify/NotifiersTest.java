package io.migratewatch.notify;

import io.migratewatch.config.ConfigurationException;
import io.migratewatch.config.Settings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifiersTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void theCompositeSkipsANotifierThatThrows() {
        List<Notification> received = new ArrayList<>();
        Notifier broken = n -> {
            throw new IllegalStateException("boom");
        };
        Notifier alsoBroken = n -> {
            throw new AssertionError("worse");
        };
        CompositeNotifier composite = new CompositeNotifier(List.of(broken, received::add, alsoBroken, received::add));
        Notification applied = Notification.of(EventKind.APPLIED, "✓ Migration applied");

        try (LogCapture log = LogCapture.of(CompositeNotifier.class)) {
            assertThatCode(() -> composite.send(applied)).doesNotThrowAnyException();
            assertThat(log.messages(ch.qos.logback.classic.Level.WARN)).hasSize(2);
        }
        assertThat(received).containsExactly(applied, applied);
    }

    @Test
    void terminalAndLoggingWhenOnlyTheTerminalIsOn() {
        Notifier notifier = Notifiers.from(new Settings.Notifications(true, false, ""), out, Map.of());

        assertThat(notifier).isInstanceOf(CompositeNotifier.class);
        assertThat(((CompositeNotifier) notifier).parts()).hasExactlyElementsOfTypes(TerminalNotifier.class, LoggingNotifier.class);
        notifier.send(Notification.of(EventKind.APPLIED, "✓ Migration applied"));
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("✓ Migration applied" + System.lineSeparator());
    }

    @Test
    void everythingOn() {
        Notifier notifier = Notifiers.from(new Settings.Notifications(true, true, "  https://hooks.example.com/services/T0/B0/X  "),
                out, Map.of("NO_COLOR", "1"));

        assertThat(((CompositeNotifier) notifier).parts()).hasExactlyElementsOfTypes(
                TerminalNotifier.class, DesktopNotifier.class, WebhookNotifier.class, LoggingNotifier.class);
        assertThat(((TerminalNotifier) ((CompositeNotifier) notifier).parts().get(0)).colour()).isFalse();
    }

    @Test
    void loggingIsAlwaysThere() {
        Notifier notifier = Notifiers.from(new Settings.Notifications(false, false, null), out, Map.of());

        assertThat(((CompositeNotifier) notifier).parts()).hasExactlyElementsOfTypes(LoggingNotifier.class);
    }

    @Test
    void aDesktopWithoutASessionStaysQuiet() {
        Notifier notifier = Notifiers.from(new Settings.Notifications(false, true, ""), out, Map.of());

        assertThatCode(() -> notifier.send(Notification.of(EventKind.APPLIED, "x"))).doesNotThrowAnyException();
        assertThat(bytes.size()).isZero();
    }

    @Test
    void aMalformedWebhookUrlIsAConfigurationErrorNamingTheKey() {
        for (String url : List.of("not a url", "hooks.example.com/services/x", "ftp://hooks.example.com/x", "https://",
                "http://exa mple.com/TOKEN123")) {
            assertThatThrownBy(() -> Notifiers.from(new Settings.Notifications(true, false, url), out, Map.of()))
                    .as(url)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("notify.webhook-url")
                    .hasMessageNotContaining("TOKEN123");
        }
    }
}
