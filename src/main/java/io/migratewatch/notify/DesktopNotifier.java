package io.migratewatch.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows each notification on the desktop, titled {@value #APP_NAME}, with the notification's text (and
 * detail, on further lines) as the body.
 * <ul>
 * <li>Linux and other freedesktop systems: {@code notify-send} when it is on the PATH, otherwise
 * {@code gdbus call … org.freedesktop.Notifications.Notify}. Needs a session bus
 * ({@code DBUS_SESSION_BUS_ADDRESS}) or a display ({@code DISPLAY}, {@code WAYLAND_DISPLAY}).</li>
 * <li>macOS: {@code osascript}, the texts passed as arguments to an {@code on run argv} handler.</li>
 * <li>Windows: a PowerShell toast; the script is fixed ({@code -EncodedCommand}) and reads the texts
 * from environment variables.</li>
 * </ul>
 * Commands are started with {@link ProcessBuilder} and an argument vector, never through a shell, with
 * exactly the environment given to the constructor (plus, on Windows, the two text variables); no text
 * is ever part of a script's source. A command still running after the timeout is killed.
 * <p>
 * When no desktop can be reached (no bus and no display, no tool, or the command fails or times out),
 * the notifier logs one DEBUG line saying why and stays silent from then on. {@link #send} never throws.
 */
public final class DesktopNotifier implements Notifier {

    public static final String APP_NAME = "migrate-watch";

    static final String TITLE_VARIABLE = "MIGRATE_WATCH_TOAST_TITLE";
    static final String BODY_VARIABLE = "MIGRATE_WATCH_TOAST_BODY";

    /** PowerShell's own AppUserModelID: toasts from an unregistered id are silently dropped. */
    private static final String POWERSHELL_APP_ID = "{1AC14E77-02E7-4E5D-B744-2EB1AE5198B7}\\WindowsPowerShell\\v1.0\\powershell.exe";

    static final String TOAST_SCRIPT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "[void][Windows.UI.Notifications.ToastNotificationManager, Windows.UI.Notifications, ContentType = WindowsRuntime]",
            "$xml = [Windows.UI.Notifications.ToastNotificationManager]::GetTemplateContent([Windows.UI.Notifications.ToastTemplateType]::ToastText02)",
            "$texts = $xml.GetElementsByTagName('text')",
            "[void]$texts.Item(0).AppendChild($xml.CreateTextNode($env:" + TITLE_VARIABLE + "))",
            "[void]$texts.Item(1).AppendChild($xml.CreateTextNode($env:" + BODY_VARIABLE + "))",
            "$toast = [Windows.UI.Notifications.ToastNotification]::new($xml)",
            "[Windows.UI.Notifications.ToastNotificationManager]::CreateToastNotifier('" + POWERSHELL_APP_ID + "').Show($toast)");

    private static final Logger LOG = LoggerFactory.getLogger(DesktopNotifier.class);
    private static final int OUTPUT_LIMIT = 2_000;

    private enum Tool { NOTIFY_SEND, GDBUS, OSASCRIPT, POWERSHELL }

    private final Map<String, String> env;
    private final Duration timeout;
    private final Tool tool;
    private final Path executable;
    private final String unavailable;
    private final AtomicBoolean off = new AtomicBoolean();

    /**
     * @param env     the environment the command runs with (and where PATH, the bus and the display are looked up)
     * @param osName  as in the {@code os.name} system property
     * @param timeout how long a command may run before it is killed
     */
    public DesktopNotifier(Map<String, String> env, String osName, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the desktop notification timeout must be positive, not " + timeout);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (env != null) {
            env.forEach((k, v) -> {
                if (k != null && v != null) {
                    copy.put(k, v);
                }
            });
        }
        this.env = Map.copyOf(copy);
        this.timeout = timeout;
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        Tool chosen = null;
        Path found = null;
        String problem = null;
        if (os.startsWith("windows")) {
            found = onPath("powershell.exe", true);
            if (found == null) {
                String root = variable("SystemRoot", true);
                Path standard = root == null || path(root) == null ? null
                        : path(root).resolve("System32").resolve("WindowsPowerShell").resolve("v1.0").resolve("powershell.exe");
                found = standard != null && Files.isRegularFile(standard) ? standard : null;
            }
            chosen = Tool.POWERSHELL;
            problem = found == null ? "powershell.exe is neither on the PATH nor in %SystemRoot%" : null;
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            found = onPath("osascript", false);
            if (found == null && Files.isExecutable(Path.of("/usr/bin/osascript"))) {
                found = Path.of("/usr/bin/osascript");
            }
            chosen = Tool.OSASCRIPT;
            problem = found == null ? "osascript was not found" : null;
        } else if (blank("DBUS_SESSION_BUS_ADDRESS") && blank("DISPLAY") && blank("WAYLAND_DISPLAY")) {
            problem = "no desktop session (DBUS_SESSION_BUS_ADDRESS, DISPLAY and WAYLAND_DISPLAY are all unset)";
        } else if ((found = onPath("notify-send", false)) != null) {
            chosen = Tool.NOTIFY_SEND;
        } else if ((found = onPath("gdbus", false)) != null) {
            chosen = Tool.GDBUS;
        } else {
            problem = "neither notify-send nor gdbus is on the PATH (install libnotify-bin)";
        }
        this.tool = problem == null ? chosen : null;
        this.executable = problem == null ? found : null;
        this.unavailable = problem;
    }

    @Override
    public void send(Notification notification) {
        if (notification == null || off.get()) {
            return;
        }
        if (unavailable != null) {
            turnOff(unavailable);
            return;
        }
        try {
            String failure = run(command(notification), environment(notification));
            if (failure != null) {
                turnOff(failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            turnOff(executable.getFileName() + " could not be run: " + e.getMessage());
        }
    }

    /** False once the notifier found no desktop and went silent. */
    public boolean active() {
        return !off.get();
    }

    private void turnOff(String reason) {
        if (off.compareAndSet(false, true)) {
            LOG.debug("Desktop notifications are off: {}", reason);
        }
    }

    /** The argument vector for a notification, or null when there is no desktop to send to. */
    List<String> command(Notification notification) {
        if (tool == null) {
            return null;
        }
        String body = body(notification);
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        switch (tool) {
            case NOTIFY_SEND:
                // notify-send unescapes its body (g_strcompress); keep the vector ASCII so that the
                // JVM's native encoding (ASCII under LANG=C) cannot mangle the text on its way.
                argv.addAll(List.of("--app-name=" + APP_NAME, "--urgency=" + urgency(notification.kind()), "--", APP_NAME,
                        notifySendText(body)));
                break;
            case GDBUS:
                argv.addAll(List.of("call", "--session", "--dest", "org.freedesktop.Notifications",
                        "--object-path", "/org/freedesktop/Notifications", "--method", "org.freedesktop.Notifications.Notify",
                        gvariantString(APP_NAME), "uint32 0", "\"\"", gvariantString(APP_NAME), gvariantString(body), "@as []",
                        "{\"urgency\": <byte " + urgencyLevel(notification.kind()) + ">}", "int32 -1"));
                break;
            case OSASCRIPT:
                argv.addAll(List.of("-e", "on run argv",
                        "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
                        "-e", "end run", APP_NAME, body));
                break;
            case POWERSHELL:
                argv.addAll(List.of("-NoProfile", "-NonInteractive", "-EncodedCommand",
                        Base64.getEncoder().encodeToString(TOAST_SCRIPT.getBytes(StandardCharsets.UTF_16LE))));
                break;
            default:
                throw new IllegalStateException(tool.name());
        }
        return argv;
    }

    /** The environment for a notification's command. */
    Map<String, String> environment(Notification notification) {
        if (tool != Tool.POWERSHELL) {
            return env;
        }
        Map<String, String> withTexts = new LinkedHashMap<>(env);
        withTexts.put(TITLE_VARIABLE, APP_NAME);
        withTexts.put(BODY_VARIABLE, body(notification));
        return withTexts;
    }

    static String body(Notification notification) {
        String text = notification.text() == null ? "" : notification.text();
        String detail = notification.detail();
        return detail == null || detail.isBlank() ? text : text + "\n" + detail.stripTrailing();
    }

    static String urgency(EventKind kind) {
        switch (urgencyLevel(kind)) {
            case 0:
                return "low";
            case 2:
                return "critical";
            default:
                return "normal";
        }
    }

    private static int urgencyLevel(EventKind kind) {
        if (kind == EventKind.FAILED || kind == EventKind.UNREACHABLE) {
            return 2;
        }
        return kind == EventKind.INFO ? 0 : 1;
    }

    /** Text for notify-send's body: backslashes doubled, anything outside printable ASCII as octal UTF-8 bytes. */
    static String notifySendText(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp == '\\') {
                b.append("\\\\");
            } else if (cp == 0) {
                return;
            } else if ((cp >= 0x20 && cp < 0x7F) || cp == '\n' || cp == '\t') {
                b.append((char) cp);
            } else {
                int c = Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp;
                for (byte x : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    b.append(String.format("\\%03o", x & 0xFF));
                }
            }
        });
        return b.toString();
    }

    /** A GVariant text-format string literal (what gdbus parses its arguments as), ASCII only. */
    static String gvariantString(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16).append('"');
        text.codePoints().forEach(cp -> {
            if (cp == '\\' || cp == '"') {
                b.append('\\').append((char) cp);
            } else if (cp == 0) {
                return;
            } else if (cp >= 0x20 && cp < 0x7F) {
                b.append((char) cp);
            } else if (cp <= 0xFFFF) {
                b.append(String.format("\\u%04x", Character.isSurrogate((char) cp) ? 0xFFFD : cp));
            } else {
                b.append(String.format("\\U%08x", cp));
            }
        });
        return b.append('"').toString();
    }

    /** Runs a command; null when it succeeded, otherwise why not. */
    private String run(List<String> argv, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        Output output = new Output(process.getInputStream());
        String name = executable.getFileName().toString();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!finished) {
            kill(process);
            return name + " did not finish within " + timeout.toMillis() + " ms and was killed";
        }
        if (process.exitValue() != 0) {
            String said = output.text();
            return name + " exited with status " + process.exitValue() + (said.isEmpty() ? "" : ": " + said);
        }
        return null;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Drains a process's output on a daemon thread, keeping the first few lines for the log. */
    private static final class Output implements Runnable {

        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread thread;

        Output(InputStream in) {
            this.in = in;
            this.thread = new Thread(this, "migrate-watch-desktop-notify");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1024];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(n, OUTPUT_LIMIT - kept.size())));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone; what was read is enough
            }
        }

        String text() throws InterruptedException {
            thread.join(500);
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s*\\R\\s*", " | ");
            }
        }
    }

    private boolean blank(String name) {
        String value = variable(name, false);
        return value == null || value.isBlank();
    }

    private String variable(String name, boolean ignoreCase) {
        String value = env.get(name);
        if (value == null && ignoreCase) {
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
        }
        return value;
    }

    /** The first executable called {@code name} in the PATH of {@link #env}, or null. */
    private Path onPath(String name, boolean windows) {
        String path = variable("PATH", windows);
        if (path == null) {
            return null;
        }
        for (String dir : path.split(windows ? ";" : File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path folder = path(dir.strip());
            Path candidate = folder == null ? null : folder.resolve(name);
            if (candidate != null && Files.isRegularFile(candidate) && (windows || Files.isExecutable(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "DesktopNotifier[" + (tool == null ? "off: " + unavailable : executable.getFileName()) + "]";
    }
}
