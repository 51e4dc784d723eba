package io.migratewatch.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every notification to the log (SLF4J, logger {@value #LOGGER_NAME}): at WARN for things
 * the developer has to act on (held, waiting, failed, unreachable), at INFO otherwise. Detail lines
 * follow the text, indented by two spaces.
 */
public final class LoggingNotifier implements Notifier {

    public static final String LOGGER_NAME = "io.migratewatch.notify";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void send(Notification notification) {
        if (notification == null) {
            return;
        }
        String message = message(notification);
        if (isWarning(notification.kind())) {
            LOG.warn("{}", message);
        } else {
            LOG.info("{}", message);
        }
    }

    static boolean isWarning(EventKind kind) {
        return kind == EventKind.HELD || kind == EventKind.WAITING || kind == EventKind.FAILED
                || kind == EventKind.UNREACHABLE;
    }

    private static String message(Notification notification) {
        String text = notification.text() == null ? "" : notification.text();
        String detail = notification.detail();
        if (detail == null || detail.isBlank()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text);
        detail.stripTrailing().lines().forEach(line -> b.append(System.lineSeparator()).append("  ").append(line));
        return b.toString();
    }

    @Override
    public String toString() {
        return "LoggingNotifier[" + LOGGER_NAME + "]";
    }
}
