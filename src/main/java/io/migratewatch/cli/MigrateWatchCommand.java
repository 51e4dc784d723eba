package io.migratewatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.config.Settings;
import io.migratewatch.config.SettingsLoader;
import io.migratewatch.source.SourceException;
import io.migratewatch.workflow.Project;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

@Command(name = "migrate-watch", mixinStandardHelpOptions = true, version = "migrate-watch 0.1.0",
        description = "Keeps a PostgreSQL schema in step with JPA entity classes.",
        subcommands = {GenerateCommand.class, UpgradeCommand.class, DowngradeCommand.class, HistoryCommand.class,
                StatusCommand.class, DiffCommand.class, StartCommand.class, SealCommand.class, DbCommand.class,
                DeployCommand.class, CheckCommand.class, StampCommand.class, BaselineCommand.class, MergeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a check found differences or problems", "2:bad usage or configuration",
                "3:database unreachable", "4:a migration failed and was rolled back",
                "5:a change needs review (destructive) and nothing was applied",
                "6:a backup or restore failed: nothing was applied, and a failed restore changed nothing"})
public final class MigrateWatchCommand implements Runnable {

    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: ./watcher.conf)")
    Path config;

    @Option(names = "--database-url", paramLabel = "URL", description = "overrides database.url and DATABASE_URL")
    String databaseUrl;

    @Option(names = "--quiet", description = "print only results and errors")
    boolean quiet;

    @Option(names = "--verbose", description = "print debug logging")
    boolean verbose;

    PrintStream out;
    PrintStream err;
    Map<String, String> env;
    Path workingDir;

    @Override
    public void run() {
        new CommandLine(this).usage(out);
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Path workingDir) {
        MigrateWatchCommand root = new MigrateWatchCommand();
        root.out = out;
        root.err = err;
        root.env = env;
        root.workingDir = workingDir;
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof MigrateWatchException m) {
                err.println("✗ " + m.getMessage());
                return m.exitCode();
            }
            if (e instanceof SourceException s) {
                err.println("✗ " + s.getMessage());
                return ExitCode.BAD_INPUT;
            }
            err.println("✗ unexpected error: " + e);
            if (root.verbose) {
                e.printStackTrace(err);
            } else {
                err.println("  run again with --verbose for the stack trace");
            }
            return ExitCode.MIGRATION_FAILED;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("✗ " + e.getMessage());
            e.getCommandLine().usage(err);
            return ExitCode.BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** Opens the project for a subcommand: settings from file and environment, logging level. */
    Project project() {
        return project(this::info);
    }

    /** The same, with the project's progress lines going to {@code progress} (stderr when stdout carries JSON). */
    Project project(java.util.function.Consumer<String> progress) {
        Logger rootLogger = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLogger.setLevel(verbose ? Level.DEBUG : Level.WARN);
        Settings settings = SettingsLoader.load(config == null ? null : workingDir.resolve(config), workingDir, env, databaseUrl);
        return new Project(settings, progress);
    }

    void info(String line) {
        if (!quiet) {
            out.println(line);
        }
    }
}
