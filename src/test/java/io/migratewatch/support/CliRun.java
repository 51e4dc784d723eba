package io.migratewatch.support;

import io.migratewatch.cli.MigrateWatchCommand;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the real command line in-process in a project folder and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun in(Path projectDir, String databaseUrl, String... args) {
        return in(projectDir, Map.of(), databaseUrl, args);
    }

    public static CliRun in(Path projectDir, Map<String, String> env, String databaseUrl, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>();
        if (databaseUrl != null) {
            all.add("--database-url");
            all.add(databaseUrl);
        }
        all.addAll(List.of(args));
        int code = MigrateWatchCommand.run(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, projectDir);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
