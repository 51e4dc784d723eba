package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.config.Settings;
import io.migratewatch.notify.Notifier;
import io.migratewatch.notify.Notifiers;
import io.migratewatch.watch.Daemon;
import io.migratewatch.workflow.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "start", description = "Run the watcher daemon in the foreground until SIGINT or SIGTERM.")
final class StartCommand implements Callable<Integer> {

    @ParentCommand
    MigrateWatchCommand root;

    @Override
    public Integer call() throws IOException {
        Project project = root.project();
        Settings settings = project.settings();
        ProductionGuard.refuse(settings, "the watcher (migrate-watch start)");
        if (!settings.watcher().enabled()) {
            root.out.println("The watcher is disabled (MIGRATION_WATCHER=false or watcher.enabled = false): nothing to watch.");
            return ExitCode.OK;
        }
        Notifier notifier = Notifiers.from(settings.notifications(), root.out, root.env);
        Daemon daemon = new Daemon(project, notifier, project.backupBefore("daemon"));
        Thread hook = new Thread(() -> {
            // SIGINT/SIGTERM: let the migration in progress finish or roll back, stop the embedded
            // database, and end with 0 — a requested stop is a clean one, not a failure (143)
            daemon.stop(30_000);
            project.close();
            root.out.flush();
            Runtime.getRuntime().halt(ExitCode.OK);
        }, "migrate-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            daemon.run();
        } finally {
            project.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it ends the process
            }
        }
        return ExitCode.OK;
    }
}
