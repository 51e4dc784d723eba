package io.migratewatch.notify;

/**
 * One message for the developer. {@code text} is the one line every notifier shows
 * ({@code ✓ Migration applied: add users.email (3f4a5b6c) in 142 ms}); {@code detail} is optional
 * further lines (the command to proceed, the failing statement).
 *
 * @param revision the migration concerned, or null
 */
public record Notification(EventKind kind, String text, String revision, String detail) {

    public static Notification of(EventKind kind, String text) {
        return new Notification(kind, text, null, null);
    }
}
