package io.migratewatch.notify;

import io.migratewatch.config.ConfigurationException;
import io.migratewatch.config.Settings;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the notifier the settings ask for. */
public final class Notifiers {

    /** How long a desktop notification command may run before it is killed. */
    public static final Duration DESKTOP_TIMEOUT = Duration.ofSeconds(5);
    /** How long a webhook may take to connect and to answer. */
    public static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    private static final String WEBHOOK_KEY = "notify.webhook-url";

    private Notifiers() {
    }

    /**
     * A {@link CompositeNotifier} of, in this order: the terminal notifier (when {@code terminal} is on;
     * colour decided by {@link TerminalNotifier#forConsole}), the desktop notifier (when {@code desktop}
     * is on, for this JVM's {@code os.name}), the webhook notifier (when the URL is not blank) and,
     * always, the {@link LoggingNotifier}.
     *
     * @param out where terminal lines go
     * @param env the environment: NO_COLOR, the desktop session (DBUS_SESSION_BUS_ADDRESS, DISPLAY, PATH, …)
     * @throws ConfigurationException when the webhook URL is not an absolute http(s) URL
     */
    public static Notifier from(Settings.Notifications settings, PrintStream out, Map<String, String> env) {
        List<Notifier> parts = new ArrayList<>();
        if (settings.terminal()) {
            parts.add(TerminalNotifier.forConsole(out, env));
        }
        if (settings.desktop()) {
            parts.add(new DesktopNotifier(env, System.getProperty("os.name"), DESKTOP_TIMEOUT));
        }
        String url = settings.webhookUrl();
        if (url != null && !url.isBlank()) {
            parts.add(webhook(url.strip()));
        }
        parts.add(new LoggingNotifier());
        return new CompositeNotifier(parts);
    }

    /** The webhook notifier for a configured URL; the messages never repeat the URL, which may hold a token. */
    private static WebhookNotifier webhook(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(e.getReason() + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : ""));
        }
        try {
            return new WebhookNotifier(uri, WEBHOOK_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ConfigurationException invalid(String reason) {
        return new ConfigurationException(WEBHOOK_KEY + " is not a usable webhook URL (" + reason + "). Set " + WEBHOOK_KEY
                + " (or NOTIFY_WEBHOOK_URL) to an http:// or https:// address such as https://hooks.example.com/services/…,"
                + " or leave it empty to send no webhook.");
    }
}
