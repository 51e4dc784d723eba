package io.migratewatch;

import io.migratewatch.db.DatabaseUrl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of {@code daemon/migrate-watch} as a user runs it (its own JVM options: {@code MIGRATE_WATCH_JAVA_OPTS}
 * removed), under GNU time: wall seconds, CPU seconds (user + sys) and peak resident memory, for the benchmarks.
 */
record LauncherRun(double seconds, double cpuSeconds, long peakKb, String output) {

    static final Path LAUNCHER = Path.of("daemon/migrate-watch").toAbsolutePath();

    /**
     * @param highestExit the highest exit code that still counts as a run (1: a command that found changes)
     */
    static LauncherRun of(Path project, DatabaseUrl db, int highestExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().remove("MIGRATE_WATCH_JAVA_OPTS");
        pb.environment().put("DATABASE_URL", db.jdbcUrl());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() > highestExit) {
            throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
        }
        String[] last = out.strip().lines().reduce((a, b) -> b).orElseThrow().trim().split(" ");
        return new LauncherRun(Double.parseDouble(last[0]), Double.parseDouble(last[1]) + Double.parseDouble(last[2]),
                Long.parseLong(last[3]), out);
    }
}
