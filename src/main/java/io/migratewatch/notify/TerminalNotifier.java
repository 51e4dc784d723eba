package io.migratewatch.notify;

import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;

/**
 * Prints each notification as one line on the terminal, followed by its detail lines indented by
 * two spaces. With colour on, the line is green for good news (applied, recovered), yellow for
 * things that wait for the developer (held, waiting, models changed, generated) and red for
 * failures (failed, unreachable); {@link EventKind#INFO} is never coloured.
 */
public final class TerminalNotifier implements Notifier {

    static final String GREEN = "\u001B[32m";
    static final String YELLOW = "\u001B[33m";
    static final String RED = "\u001B[31m";
    static final String RESET = "\u001B[0m";

    private static final String INDENT = "  ";

    private final PrintStream out;
    private final boolean colour;

    public TerminalNotifier(PrintStream out, boolean colour) {
        this.out = Objects.requireNonNull(out, "out");
        this.colour = colour;
    }

    /**
     * A terminal notifier that colours its lines only when the JVM has a console and {@code NO_COLOR}
     * is not set in {@code env} (set to any value, even empty, it turns colour off).
     */
    public static TerminalNotifier forConsole(PrintStream out, Map<String, String> env) {
        return new TerminalNotifier(out, colourWanted(System.console() != null, env));
    }

    static boolean colourWanted(boolean console, Map<String, String> env) {
        return console && (env == null || !env.containsKey("NO_COLOR"));
    }

    public boolean colour() {
        return colour;
    }

    @Override
    public void send(Notification notification) {
        if (notification == null) {
            return;
        }
        String text = render(notification);
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    /** The lines {@link #send} prints, each ended by the platform's line separator. */
    String render(Notification notification) {
        String newline = System.lineSeparator();
        StringBuilder b = new StringBuilder();
        String text = notification.text() == null ? "" : notification.text();
        String style = colour ? style(notification.kind()) : null;
        if (style != null) {
            b.append(style).append(text).append(RESET);
        } else {
            b.append(text);
        }
        b.append(newline);
        String detail = notification.detail();
        if (detail != null && !detail.isBlank()) {
            detail.stripTrailing().lines().forEach(line -> {
                if (!line.isBlank()) {
                    b.append(INDENT).append(line);
                }
                b.append(newline);
            });
        }
        return b.toString();
    }

    /** The ANSI colour for a kind, or null for none. */
    static String style(EventKind kind) {
        if (kind == null) {
            return null;
        }
        switch (kind) {
            case APPLIED:
            case RECOVERED:
                return GREEN;
            case HELD:
            case WAITING:
            case MODELS_CHANGED:
            case GENERATED:
                return YELLOW;
            case FAILED:
            case UNREACHABLE:
                return RED;
            default:
                return null;
        }
    }

    @Override
    public String toString() {
        return "TerminalNotifier[colour=" + colour + "]";
    }
}
