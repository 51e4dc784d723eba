package io.migratewatch.notify;

/** Tells the developer something. Implementations never throw: a notifier that fails is skipped. */
public interface Notifier {

    void send(Notification notification);
}
