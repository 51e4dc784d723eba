package io.migratewatch.backup;

import io.migratewatch.config.ConfigurationException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pg_dump executable and its version, found at {@code backup.pg-dump-path} or on the PATH.
 *
 * @param version its own words, "pg_dump (PostgreSQL) 15.20"
 */
public record PgDump(Path executable, int major, String version) {

    private static final Pattern VERSION = Pattern.compile("\\)\\s*(\\d+)(?:\\.(\\d+))?");

    /**
     * @param configured backup.pg-dump-path: empty to search the PATH, a bare name to search the PATH for it, or a path
     * @return empty when no pg_dump is on the PATH
     * @throws ConfigurationException when the configured one does not exist or does not run
     */
    public static Optional<PgDump> find(String configured, String pathVariable) {
        Path executable;
        if (configured == null || configured.isBlank()) {
            executable = onPath("pg_dump", pathVariable);
            if (executable == null) {
                return Optional.empty();
            }
        } else if (!configured.contains("/") && !configured.contains(File.separator)) {
            executable = onPath(configured, pathVariable);
            if (executable == null) {
                throw new ConfigurationException("backup.pg-dump-path = " + configured + ": no such program on the PATH");
            }
        } else {
            executable = Path.of(configured);
            if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
                throw new ConfigurationException("backup.pg-dump-path = " + configured + ": no such executable file");
            }
        }
        return Optional.of(probe(executable));
    }

    private static PgDump probe(Path executable) {
        try {
            Process p = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            Matcher m = VERSION.matcher(text);
            if (p.exitValue() != 0 || !text.toLowerCase(Locale.ROOT).startsWith("pg_dump") || !m.find()) {
                throw new ConfigurationException(executable + " --version said '" + text + "': not a pg_dump this version understands");
            }
            return new PgDump(executable, Integer.parseInt(m.group(1)), text.lines().findFirst().orElse(text));
        } catch (IOException e) {
            throw new ConfigurationException("cannot run " + executable + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("interrupted while asking " + executable + " for its version");
        }
    }

    private static Path onPath(String name, String pathVariable) {
        if (pathVariable == null) {
            return null;
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        for (String dir : pathVariable.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String candidate : windows ? new String[] {name + ".exe", name} : new String[] {name}) {
                Path p = Path.of(dir, candidate);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
