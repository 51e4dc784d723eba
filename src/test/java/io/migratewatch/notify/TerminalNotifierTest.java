package io.migratewatch.notify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalNotifierTest {

    private static final String NL = System.lineSeparator();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutColourPrintsThePlainLine() {
        new TerminalNotifier(out, false).send(Notification.of(EventKind.APPLIED, "✓ Migration applied: add users.email (3f4a5b6c) in 142 ms"));

        assertThat(printed()).isEqualTo("✓ Migration applied: add users.email (3f4a5b6c) in 142 ms" + NL);
    }

    @ParameterizedTest
    @EnumSource(EventKind.class)
    void withoutColourNoKindIsStyled(EventKind kind) {
        new TerminalNotifier(out, false).send(Notification.of(kind, "something"));

        assertThat(printed()).isEqualTo("something" + NL).doesNotContain("\u001B");
    }

    @Test
    void withColourGoodNewsIsGreenWaitingIsYellowFailureIsRed() {
        TerminalNotifier terminal = new TerminalNotifier(out, true);
        terminal.send(Notification.of(EventKind.APPLIED, "✓ applied"));
        terminal.send(Notification.of(EventKind.RECOVERED, "✓ recovered"));
        terminal.send(Notification.of(EventKind.HELD, "⚠ held"));
        terminal.send(Notification.of(EventKind.WAITING, "⚠ waiting"));
        terminal.send(Notification.of(EventKind.MODELS_CHANGED, "models changed"));
        terminal.send(Notification.of(EventKind.GENERATED, "generated"));
        terminal.send(Notification.of(EventKind.FAILED, "✗ failed"));
        terminal.send(Notification.of(EventKind.UNREACHABLE, "✗ unreachable"));
        terminal.send(Notification.of(EventKind.INFO, "started"));

        assertThat(printed()).isEqualTo(
                "\u001B[32m✓ applied\u001B[0m" + NL
                        + "\u001B[32m✓ recovered\u001B[0m" + NL
                        + "\u001B[33m⚠ held\u001B[0m" + NL
                        + "\u001B[33m⚠ waiting\u001B[0m" + NL
                        + "\u001B[33mmodels changed\u001B[0m" + NL
                        + "\u001B[33mgenerated\u001B[0m" + NL
                        + "\u001B[31m✗ failed\u001B[0m" + NL
                        + "\u001B[31m✗ unreachable\u001B[0m" + NL
                        + "started" + NL);
    }

    @Test
    void detailLinesFollowIndentedByTwoSpaces() {
        new TerminalNotifier(out, false).send(new Notification(EventKind.HELD,
                "⚠ Held: drop column users.email would lose 3 values", "3f4a5b6c",
                "to apply it anyway:\n  migrate-watch upgrade\r\nor restore the field\n"));

        assertThat(printed()).isEqualTo("⚠ Held: drop column users.email would lose 3 values" + NL
                + "  to apply it anyway:" + NL
                + "    migrate-watch upgrade" + NL
                + "  or restore the field" + NL);
    }

    @Test
    void detailLinesAreNotColoured() {
        new TerminalNotifier(out, true).send(new Notification(EventKind.FAILED, "✗ Migration failed", null,
                "ERROR: column \"email\" already exists"));

        assertThat(printed()).isEqualTo("\u001B[31m✗ Migration failed\u001B[0m" + NL
                + "  ERROR: column \"email\" already exists" + NL);
    }

    @Test
    void blankDetailAddsNothing() {
        new TerminalNotifier(out, false).send(new Notification(EventKind.INFO, "watching", null, "  \n"));

        assertThat(printed()).isEqualTo("watching" + NL);
    }

    @Test
    void colourNeedsAConsoleAndNoNoColor() {
        assertThat(TerminalNotifier.colourWanted(true, Map.of())).isTrue();
        assertThat(TerminalNotifier.colourWanted(true, Map.of("NO_COLOR", "1"))).isFalse();
        assertThat(TerminalNotifier.colourWanted(true, Map.of("NO_COLOR", ""))).isFalse();
        assertThat(TerminalNotifier.colourWanted(false, Map.of())).isFalse();
    }

    @Test
    void forConsoleFollowsTheRealConsole() {
        // Under Maven the tests run without a console, so no colour whatever NO_COLOR says.
        boolean console = System.console() != null;

        assertThat(TerminalNotifier.forConsole(out, Map.of()).colour()).isEqualTo(console);
        assertThat(TerminalNotifier.forConsole(out, Map.of("NO_COLOR", "")).colour()).isFalse();
    }
}
