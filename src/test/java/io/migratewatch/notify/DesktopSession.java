package io.migratewatch.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A private desktop for tests: its own D-Bus session bus, an Xvfb display, dunst as the notification
 * server, and dbus-monitor recording every Notify call on that bus.
 */
final class DesktopSession implements AutoCloseable {

    /** Every tool the session needs, and the Debian package that has it. */
    static final Map<String, String> TOOLS = new LinkedHashMap<>();

    static {
        TOOLS.put("dbus-daemon", "dbus");
        TOOLS.put("dbus-monitor", "dbus (dbus-bin)");
        TOOLS.put("dbus-send", "dbus (dbus-bin)");
        TOOLS.put("notify-send", "libnotify-bin");
        TOOLS.put("dunst", "dunst");
        TOOLS.put("Xvfb", "xvfb");
    }

    static final String INSTALL = "install them with `sudo apt-get install -y --no-install-recommends dbus dbus-x11 libnotify-bin dunst xvfb`"
            + " or run .ci/desktop-packages as root";

    private static final Pattern MESSAGE_START = Pattern.compile("(?m)^(?=(?:method call|method return|signal|error) time=)");

    private final Path logs;
    private final List<Process> processes = new ArrayList<>();
    private final StringBuffer monitored = new StringBuffer();
    private String busAddress;
    private long busPid = -1;
    private String display;

    private DesktopSession() throws IOException {
        logs = Files.createTempDirectory("migrate-watch-desktop");
    }

    /** The tools of {@link #TOOLS} that are not on this machine's PATH, each with the package to install. */
    static List<String> missingTools() {
        return TOOLS.entrySet().stream().filter(e -> which(e.getKey()) == null)
                .map(e -> e.getKey() + " (package " + e.getValue() + ")").collect(Collectors.toList());
    }

    /** The executable called {@code name} on this JVM's PATH, or null. */
    static Path which(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d).resolve(name)).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst().orElse(null);
    }

    static DesktopSession start() throws Exception {
        DesktopSession session = new DesktopSession();
        try {
            session.startBus();
            session.startDisplay();
            session.startNotificationServer();
            session.startMonitor();
            return session;
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
    }

    String busAddress() {
        return busAddress;
    }

    String display() {
        return display;
    }

    /** DBUS_SESSION_BUS_ADDRESS, DISPLAY and the given PATH: the environment a desktop notifier gets. */
    Map<String, String> env(String path) {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", busAddress, "DISPLAY", display, "PATH", path);
    }

    /** The Notify method calls dbus-monitor has seen so far, each as dbus-monitor printed it. */
    List<String> notifyCalls() {
        return Arrays.stream(MESSAGE_START.split(monitored.toString()))
                .filter(m -> m.startsWith("method call ") && m.contains("member=Notify"))
                .collect(Collectors.toList());
    }

    /** The first Notify call containing all the given fragments, waiting up to {@code wait} for it; null if none came. */
    String awaitNotifyCall(Duration wait, String... fragments) throws InterruptedException {
        String[] found = new String[1];
        await(wait, () -> {
            found[0] = notifyCalls().stream().filter(call -> Stream.of(fragments).allMatch(call::contains)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    String diagnostics() {
        StringBuilder b = new StringBuilder("\n--- dbus-monitor ---\n").append(monitored);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().collect(Collectors.toList())) {
                b.append("\n--- ").append(log.getFileName()).append(" ---\n").append(Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            b.append("\n(logs unreadable: ").append(e).append(')');
        }
        return b.toString();
    }

    private void startBus() throws Exception {
        Process p = new ProcessBuilder("dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1")
                .redirectError(logs.resolve("dbus-daemon.log").toFile()).start();
        List<String> lines = readLines(p.getInputStream(), 2, Duration.ofSeconds(10));
        p.waitFor(10, TimeUnit.SECONDS);
        if (lines.size() < 2 || !lines.get(0).contains(":") || !lines.get(1).strip().matches("\\d+")) {
            throw new IllegalStateException("dbus-daemon printed no address and pid: " + lines + diagnostics());
        }
        busAddress = lines.get(0).strip();
        busPid = Long.parseLong(lines.get(1).strip());
    }

    private void startDisplay() throws Exception {
        // -displayfd makes Xvfb take the first free display number itself and print it when it is ready.
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "640x480x24")
                .redirectError(logs.resolve("xvfb.log").toFile()).start();
        processes.add(xvfb);
        List<String> lines = readLines(xvfb.getInputStream(), 1, Duration.ofSeconds(15));
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            throw new IllegalStateException("Xvfb did not report its display number" + diagnostics());
        }
        display = ":" + lines.get(0).strip();
    }

    private Map<String, String> sessionEnv() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("WAYLAND_DISPLAY");
        env.put("DISPLAY", display);
        env.put("DBUS_SESSION_BUS_ADDRESS", busAddress);
        return env;
    }

    private void startNotificationServer() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("dunst").redirectErrorStream(true)
                .redirectOutput(logs.resolve("dunst.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(sessionEnv());
        Process dunst = builder.start();
        processes.add(dunst);
        boolean owned = await(Duration.ofSeconds(10), () -> dunst.isAlive() && notificationServerRegistered());
        if (!owned) {
            throw new IllegalStateException("dunst did not take org.freedesktop.Notifications on the test bus" + diagnostics());
        }
    }

    private boolean notificationServerRegistered() {
        try {
            ProcessBuilder builder = new ProcessBuilder("dbus-send", "--session", "--dest=org.freedesktop.DBus",
                    "--type=method_call", "--print-reply", "/org/freedesktop/DBus", "org.freedesktop.DBus.NameHasOwner",
                    "string:org.freedesktop.Notifications").redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(sessionEnv());
            Process p = builder.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.SECONDS);
            return out.contains("boolean true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void startMonitor() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("dbus-monitor", "--session",
                "interface='org.freedesktop.Notifications',member='Notify'").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(sessionEnv());
        Process monitor = builder.start();
        processes.add(monitor);
        Thread reader = new Thread(() -> {
            try (InputStreamReader in = new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8)) {
                char[] buffer = new char[4096];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    monitored.append(buffer, 0, n);
                }
            } catch (IOException ignored) {
                // the monitor was stopped
            }
        }, "dbus-monitor-reader");
        reader.setDaemon(true);
        reader.start();
        // dbus-monitor prints NameAcquired on connecting and NameLost once it has become a monitor.
        if (!await(Duration.ofSeconds(5), () -> monitored.indexOf("NameLost") >= 0)
                && !await(Duration.ofSeconds(1), () -> monitored.indexOf("NameAcquired") >= 0)) {
            throw new IllegalStateException("dbus-monitor did not connect to the test bus" + diagnostics());
        }
    }

    /** Reads up to {@code count} lines, giving up after {@code wait}. */
    private static List<String> readLines(InputStream in, int count, Duration wait) throws Exception {
        CompletableFuture<List<String>> lines = CompletableFuture.supplyAsync(() -> {
            List<String> read = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            try {
                String line;
                while (read.size() < count && (line = reader.readLine()) != null) {
                    read.add(line);
                }
            } catch (IOException ignored) {
                // return what was read
            }
            return read;
        });
        try {
            return lines.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return List.of();
        }
    }

    static boolean await(Duration wait, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    /** Stops the monitor, dunst, Xvfb and the bus, and removes the logs. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            all.add(processes.get(i).toHandle());
        }
        if (busPid > 0) {
            ProcessHandle.of(busPid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("dbus-daemon")).orElse(true))
                    .ifPresent(all::add);
        }
        for (ProcessHandle p : all) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(logs)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // temporary files only
        }
    }
}
