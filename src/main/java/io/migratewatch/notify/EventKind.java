package io.migratewatch.notify;

/** What happened; notifiers may style or route by it (a webhook sends it as "event"). */
public enum EventKind {
    /** ✓ a migration was applied */
    APPLIED,
    /** a migration file was written and waits for review (auto-apply off) */
    GENERATED,
    /** ⚠ a change would lose data and was not applied */
    HELD,
    /** ✗ a migration failed and was rolled back */
    FAILED,
    /** ⚠ a model file does not parse; its last good version is kept */
    WAITING,
    /** the models differ from the database (auto-generate off) */
    MODELS_CHANGED,
    /** ✗ the database cannot be reached */
    UNREACHABLE,
    /** ✓ the database is reachable again */
    RECOVERED,
    /** anything else worth a line: started, stopped, disabled */
    INFO
}
