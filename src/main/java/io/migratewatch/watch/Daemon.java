package io.migratewatch.watch;

import io.migratewatch.MigrateWatchException;
import io.migratewatch.config.Settings;
import io.migratewatch.db.ConnectionLoss;
import io.migratewatch.migration.MigrationFailedException;
import io.migratewatch.notify.EventKind;
import io.migratewatch.notify.Notification;
import io.migratewatch.notify.Notifier;
import io.migratewatch.source.ApplicationSettings;
import io.migratewatch.source.MappingOptions;
import io.migratewatch.source.ParsedModel;
import io.migratewatch.source.SourceException;
import io.migratewatch.source.SourceIndex;
import io.migratewatch.source.SourceProblem;
import io.migratewatch.workflow.AutoMigrate;
import io.migratewatch.workflow.AutoMigrateOutcome;
import io.migratewatch.workflow.BackupStep;
import io.migratewatch.workflow.HeadsConflict;
import io.migratewatch.workflow.Project;
import io.migratewatch.workflow.ReconcileDaemonMigrations;
import io.migratewatch.workflow.Upgrade;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The watch daemon: file events gather into a batch; once the files have been quiet for the
 * debounce period, the changed files are parsed as they are now and the pipeline runs once for
 * the whole batch. One pipeline at a time, on the thread that called {@link #run()}.
 */
public final class Daemon implements FileEvents {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Project project;
    private final Notifier notifier;
    private final AutoMigrate autoMigrate;
    private final BackupStep backup;
    private final Settings.Watcher flags;
    private final Path migrationsDir;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final QuietPeriod quiet;
    private Set<Path> changedPaths = new LinkedHashSet<>();
    private boolean overflow;
    private boolean stopping;
    private boolean stopped;

    private final ContentHashes hashes = new ContentHashes();
    private final Map<Path, String> announcedProblems = new HashMap<>();
    private final Set<String> announcedWarnings = new java.util.HashSet<>();
    private SourceIndex index;
    /** The mapping options the index was built with: the application's settings files may change them. */
    private MappingOptions options;
    private List<String> settingsNotes = List.of();
    private boolean retryPipeline;
    private long retryAt;
    private long retryDelay = TimeUnit.SECONDS.toNanos(1);
    private boolean unreachableAnnounced;
    private int pipelineRuns;
    /** The CONFLICT line last said, so that a pull's migrations and entities together say it once; null when none. */
    private String conflictSaid;

    public Daemon(Project project, Notifier notifier, BackupStep backup) {
        this.project = project;
        this.notifier = notifier;
        this.autoMigrate = new AutoMigrate(project, backup);
        this.backup = backup;
        this.flags = project.settings().watcher();
        this.migrationsDir = project.settings().migrations().dir().toAbsolutePath().normalize();
        this.quiet = new QuietPeriod(flags.debounce(), flags.maxWait());
    }

    /** Watches and migrates until {@link #stop()}. */
    public void run() throws IOException {
        List<Path> roots = new ArrayList<>(project.settings().models().paths());
        roots.add(migrationsDir);
        roots.addAll(settingsFolders());
        try (SourceWatcher watcher = new SourceWatcher(roots, this, flags.poll(), flags.pollInterval(), MountTable.ofThisProcess())) {
            watcher.start();
            notifier.send(Notification.of(EventKind.INFO, "Watching " + project.settings().models().paths().stream()
                    .map(this::shown).collect(Collectors.joining(", "))
                    + " (quiet period " + flags.debounce().toMillis() + " ms; auto-generate " + onOff(flags.autoGenerate())
                    + ", auto-apply " + onOff(flags.autoApply()) + ")"));
            announcePolling(watcher.polled());
            startUp();
            loop();
            notifier.send(Notification.of(EventKind.INFO, "Stopped watching"));
        } finally {
            lock.lock();
            try {
                stopped = true;
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** One line per reason: which folders are polled, how often, and why. */
    private void announcePolling(Map<Path, String> polled) {
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        polled.forEach((folder, why) -> byReason.computeIfAbsent(why, w -> new ArrayList<>()).add(shown(folder)));
        byReason.forEach((why, folders) -> notifier.send(Notification.of(EventKind.INFO, "Polling " + String.join(", ", folders)
                + " every " + flags.pollInterval().toMillis() + " ms: " + why)));
    }

    private String shown(Path folder) {
        return project.settings().baseDir().relativize(folder.toAbsolutePath()).toString();
    }

    /** Asks the loop to finish the pipeline in progress and return; waits up to the timeout. */
    public void stop(long timeoutMillis) {
        lock.lock();
        try {
            stopping = true;
            wake.signalAll();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!stopped && System.nanoTime() < deadline) {
                wake.await(50, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** How many times the pipeline ran on model changes (for tests and benchmarks). */
    public synchronized int pipelineRuns() {
        return pipelineRuns;
    }

    @Override
    public void changed(Path path) {
        lock.lock();
        try {
            changedPaths.add(path.toAbsolutePath().normalize());
            quiet.touch(System.nanoTime());
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void overflow() {
        lock.lock();
        try {
            overflow = true;
            quiet.touch(System.nanoTime());
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void startUp() {
        index = scan();
        try {
            reconcile(true);
            if (flags.autoApply()) {
                applyPending();
            }
            if (index != null) {
                pipeline();
            }
        } catch (RuntimeException e) {
            handle(e);
        }
    }

    private void loop() {
        while (true) {
            Set<Path> batch;
            boolean rescan;
            boolean retry;
            lock.lock();
            try {
                while (!stopping && !quiet.isDue(System.nanoTime()) && !(retryPipeline && System.nanoTime() - retryAt >= 0)) {
                    long now = System.nanoTime();
                    long until = Long.MAX_VALUE;
                    if (quiet.pending()) {
                        until = quiet.dueAt() - now;
                    }
                    if (retryPipeline) {
                        until = Math.min(until, retryAt - now);
                    }
                    if (until == Long.MAX_VALUE) {
                        wake.await();
                    } else if (until > 0) {
                        wake.awaitNanos(until);
                    }
                }
                if (stopping) {
                    return;
                }
                boolean due = quiet.isDue(System.nanoTime());
                batch = due ? changedPaths : Set.of();
                rescan = due && overflow;
                if (due) {
                    changedPaths = new LinkedHashSet<>();
                    overflow = false;
                    quiet.reset();
                }
                retry = retryPipeline;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                process(batch, rescan, retry);
            } catch (RuntimeException e) {
                handle(e);
            }
        }
    }

    private void process(Set<Path> batch, boolean rescan, boolean retry) {
        boolean modelChanged = retry;
        boolean migrationsChanged = false;
        if (index != null && !batch.isEmpty() && settingsChanged(batch)) {
            // the mapping options are fixed in an index: new options need a new one
            rescan = true;
        }
        if (rescan || index == null) {
            index = scan();
            modelChanged = index != null;
        }
        for (Path path : batch) {
            if (path.startsWith(migrationsDir)) {
                migrationsChanged = true;
            } else if (index != null && update(path)) {
                modelChanged = true;
            }
        }
        if ((migrationsChanged || retry || modelChanged) && flags.autoApply()) {
            reconcile(false);
        }
        if ((migrationsChanged || retry) && flags.autoApply()) {
            applyPending();
        }
        if (modelChanged && index != null) {
            pipeline();
        }
    }

    /** Re-reads one changed path; true when the model may have changed. */
    private boolean update(Path path) {
        if (PathFilter.isSettingsFile(path)) {
            return false; // handled by settingsChanged, before the sources
        }
        boolean isFolder = Files.isDirectory(path) || (!Files.exists(path) && !path.toString().endsWith(".java"));
        if (!isFolder && !PathFilter.isModelSource(path)) {
            return false;
        }
        if (!isFolder && !hashes.changed(path)) {
            return false;
        }
        try {
            if (!isFolder && Files.exists(path) && Files.readString(path).isBlank()) {
                // an editor truncates before it writes: an empty file is not a deleted entity
                waiting(new SourceProblem(path, 1, 1, "the file is empty"));
                return false;
            }
            index.update(path);
            announcedProblems.remove(path);
            return true;
        } catch (SourceException e) {
            e.problems().forEach(this::waiting);
            return false;
        } catch (IOException e) {
            waiting(new SourceProblem(path, 0, 0, "cannot read: " + e.getMessage()));
            return false;
        }
    }

    private SourceIndex scan() {
        try {
            ApplicationSettings app = project.applicationSettings();
            announce(app);
            options = project.mappingOptions(app);
            return SourceIndex.scan(project.settings().models().paths(), options);
        } catch (SourceException e) {
            e.problems().forEach(this::waiting);
            return null;
        }
    }

    /**
     * Whether the application's settings now select other mapping options. Read on every batch that changes a
     * watched file: a settings file in a parent folder of the models is not watched itself, and reading a few small
     * files costs next to nothing. A file that does not parse waits, like a broken source.
     */
    private boolean settingsChanged(Set<Path> batch) {
        boolean touched = batch.stream().anyMatch(p -> !p.startsWith(migrationsDir) && (PathFilter.isWatched(p) || Files.isDirectory(p)));
        if (!touched) {
            return false;
        }
        ApplicationSettings app;
        try {
            app = project.applicationSettings();
        } catch (SourceException e) {
            e.problems().forEach(this::waiting);
            return false;
        }
        batch.stream().filter(PathFilter::isSettingsFile).forEach(announcedProblems::remove);
        announce(app);
        return !project.mappingOptions(app).equals(options);
    }

    /** Says what was taken from the application's settings, at the start and whenever that changes. */
    private void announce(ApplicationSettings app) {
        List<String> notes = project.applicationSettingsNotes(app);
        if (!notes.equals(settingsNotes)) {
            settingsNotes = notes;
            notes.forEach(n -> notifier.send(Notification.of(EventKind.INFO, n)));
        }
    }

    /**
     * Folders holding the application's settings that are not watched already: the {@code src/main/resources}
     * beside a {@code .../src/main/java} models path, and the folders of files named in models.settings, unless
     * that would watch the whole project (a settings file in a parent folder is re-read on every batch instead).
     */
    private List<Path> settingsFolders() {
        var models = project.settings().models();
        if (models.applicationSettings().off()) {
            return List.of();
        }
        Set<Path> folders = new LinkedHashSet<>();
        for (Path p : models.paths()) {
            Path root = p.toAbsolutePath().normalize();
            if (root.endsWith(Path.of("src", "main", "java"))) {
                folders.add(root.getParent().resolve("resources"));
            }
        }
        models.applicationSettings().files().forEach(f -> folders.add(f.toAbsolutePath().normalize().getParent()));
        Path base = project.settings().baseDir().toAbsolutePath().normalize();
        List<Path> out = new ArrayList<>();
        for (Path f : folders) {
            boolean watched = models.paths().stream().anyMatch(m -> f.startsWith(m.toAbsolutePath().normalize()));
            boolean tooWide = base.startsWith(f) || models.paths().stream().anyMatch(m -> m.toAbsolutePath().normalize().startsWith(f));
            if (Files.isDirectory(f) && !watched && !tooWide) {
                out.add(f);
            }
        }
        return out;
    }

    /** Said once per file: while it stays broken, further saves that are still broken say nothing new. */
    private void waiting(SourceProblem problem) {
        String text = problem.format();
        if (announcedProblems.putIfAbsent(problem.file(), text) == null) {
            notifier.send(Notification.of(EventKind.WAITING, "⚠ Waiting for valid source: " + text));
        }
    }

    /** Before the daemon touches the database: its own files back in step with the history, each fix said in one line. */
    private void reconcile(boolean atStart) {
        for (String line : new ReconcileDaemonMigrations(project).run(atStart)) {
            notifier.send(Notification.of(EventKind.INFO, line));
        }
    }

    private void applyPending() {
        // another branch's migrations wait for migrate-watch merge: applying one branch before the join is the user's call
        Optional<String> conflict = HeadsConflict.of(project.migrations().graph());
        if (conflict.isPresent()) {
            sayConflict(conflict.get());
            return;
        }
        conflictSaid = null;
        Upgrade.Result result = new Upgrade(project, backup).run("head", false);
        for (Upgrade.Step step : result.applied()) {
            notifier.send(new Notification(EventKind.APPLIED, "✓ Migration applied: " + step.migration().description()
                    + " (" + step.migration().shortRevision() + ") in " + step.millis() + " ms", step.migration().revision(),
                    relative(step.migration().path()) + (result.backup() == null ? "" : "\n" + result.backup())));
        }
        recovered();
    }

    private void sayConflict(String message) {
        if (!message.equals(conflictSaid)) {
            conflictSaid = message;
            notifier.send(Notification.of(EventKind.MODELS_CHANGED, "⚠ " + message));
        }
    }

    private void pipeline() {
        ParsedModel model;
        try {
            model = index.model();
        } catch (SourceException e) {
            e.problems().forEach(this::waiting);
            return;
        }
        synchronized (this) {
            pipelineRuns++;
        }
        retryPipeline = false;
        AutoMigrateOutcome outcome = autoMigrate.run(model);
        recovered();
        model.warnings().forEach(w -> {
            if (announcedWarnings.add(w.format())) {
                notifier.send(Notification.of(EventKind.INFO, "⚠ " + w.format()));
            }
        });
        if (!(outcome instanceof AutoMigrateOutcome.Conflict)) {
            conflictSaid = null;
        }
        Notification said = outcome.accept(new Saying());
        if (said != null) {
            notifier.send(said);
        }
    }

    /** What the daemon says about each outcome; null for nothing. */
    private final class Saying implements AutoMigrateOutcome.Visitor<Notification> {

        @Override
        public Notification noChanges(AutoMigrateOutcome.NoChanges o) {
            return null;
        }

        @Override
        public Notification modelsChanged(AutoMigrateOutcome.ModelsChanged o) {
            return new Notification(EventKind.MODELS_CHANGED, "Models changed: " + o.changes()
                    + (o.changes() == 1 ? " change" : " changes") + " not yet in a migration — run migrate-watch generate", null, o.description());
        }

        @Override
        public Notification pending(AutoMigrateOutcome.Pending o) {
            return Notification.of(EventKind.MODELS_CHANGED, "⚠ " + o.migrations() + (o.migrations() == 1 ? " migration" : " migrations")
                    + " pending: run migrate-watch upgrade");
        }

        @Override
        public Notification conflict(AutoMigrateOutcome.Conflict o) {
            sayConflict(o.message());
            return null;
        }

        @Override
        public Notification held(AutoMigrateOutcome.Held o) {
            return new Notification(EventKind.HELD, "⚠ Change needs review: " + o.review().summary(), null,
                    "Nothing was applied. " + o.review().howToProceed(o.description()));
        }

        @Override
        public Notification generated(AutoMigrateOutcome.Generated o) {
            return new Notification(EventKind.GENERATED, "Migration generated: " + relative(o.migration().path())
                    + " — review it and run migrate-watch upgrade", o.migration().revision(), o.description());
        }

        @Override
        public Notification applied(AutoMigrateOutcome.Applied o) {
            String into = o.folded() ? "folded into " : "";
            return new Notification(EventKind.APPLIED, "✓ Migration applied: " + o.description()
                    + " (" + into + o.migration().shortRevision() + ") in " + o.millis() + " ms", o.migration().revision(),
                    relative(o.migration().path()) + "\n" + o.backup());
        }

        @Override
        public Notification foldedAway(AutoMigrateOutcome.FoldedAway o) {
            return new Notification(EventKind.APPLIED, "✓ Migration applied: the changes of "
                    + o.migration().shortRevision() + " were undone and its file removed", o.migration().revision(),
                    relative(o.migration().path()));
        }
    }

    private void handle(RuntimeException e) {
        if (ConnectionLoss.is(e)) {
            if (!unreachableAnnounced) {
                unreachableAnnounced = true;
                notifier.send(new Notification(EventKind.UNREACHABLE, "✗ Database unreachable ("
                        + project.database().url().hostAndPort() + ") — retrying", null, e.getMessage()));
            }
            retryPipeline = true;
            retryAt = System.nanoTime() + retryDelay;
            retryDelay = Math.min(retryDelay * 2, MAX_RETRY_NANOS);
            return;
        }
        retryPipeline = false;
        if (e instanceof MigrationFailedException f) {
            notifier.send(new Notification(EventKind.FAILED, "✗ Migration failed: " + f.statement().sql().lines().findFirst().orElse("")
                    + " — " + rootMessage(f), f.migration().revision(),
                    relative(f.migration().path()) + (f.advice() == null ? "" : "\n" + f.advice())));
        } else if (e instanceof MigrateWatchException m) {
            // the first line is the notification's text; the detail is the rest, so that nothing is said twice
            String rest = m.getMessage().lines().skip(1).collect(Collectors.joining("\n"));
            notifier.send(new Notification(EventKind.FAILED, "✗ " + m.getMessage().lines().findFirst().orElse(""), null,
                    rest.isBlank() ? null : rest));
        } else {
            // the terminal gets one line; the stack trace goes to the log file for a bug report
            LOG.error("unexpected error in the daemon", e);
            notifier.send(new Notification(EventKind.FAILED, "✗ Unexpected error: " + e, null,
                    "The stack trace is in " + logFile() + "."));
        }
    }

    private void recovered() {
        retryDelay = TimeUnit.SECONDS.toNanos(1);
        if (unreachableAnnounced) {
            unreachableAnnounced = false;
            notifier.send(Notification.of(EventKind.RECOVERED, "✓ Database reachable again (" + project.database().url().hostAndPort() + ")"));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    private String relative(Path path) {
        if (path == null) {
            return null;
        }
        Path abs = path.toAbsolutePath();
        return abs.startsWith(project.settings().baseDir()) ? project.settings().baseDir().relativize(abs).toString() : abs.toString();
    }

    /** Where logback writes the log (see logback.xml). */
    private static String logFile() {
        String configured = System.getenv("MIGRATE_WATCH_LOG");
        return configured == null || configured.isBlank() ? ".migrate-watch/migrate-watch.log" : configured;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
