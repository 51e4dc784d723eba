package io.migratewatch.support;

import io.migratewatch.notify.EventKind;
import io.migratewatch.notify.Notification;
import io.migratewatch.notify.Notifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Keeps every notification, and lets a test wait for one. */
public final class RecordingNotifier implements Notifier {

    private final List<Notification> received = new ArrayList<>();

    @Override
    public synchronized void send(Notification notification) {
        received.add(notification);
        notifyAll();
    }

    public synchronized List<Notification> all() {
        return List.copyOf(received);
    }

    public synchronized List<Notification> of(EventKind kind) {
        return received.stream().filter(n -> n.kind() == kind).toList();
    }

    public synchronized int count() {
        return received.size();
    }

    /** Waits for a notification after the first {@code skip} ones that matches; fails with everything received when none comes. */
    public synchronized Notification await(int skip, Predicate<Notification> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = skip; i < received.size(); i++) {
                if (match.test(received.get(i))) {
                    return received.get(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching notification within " + timeout + "; received: " + received);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public Notification await(int skip, EventKind kind, Duration timeout) throws InterruptedException {
        return await(skip, n -> n.kind() == kind, timeout);
    }
}
