package io.migratewatch.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Sends each notification to every part in order. A part that throws is skipped for that
 * notification (with a warning in the log) and the others still get it.
 */
public final class CompositeNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeNotifier.class);

    private final List<Notifier> parts;

    public CompositeNotifier(List<? extends Notifier> parts) {
        this.parts = List.copyOf(parts);
    }

    public List<Notifier> parts() {
        return parts;
    }

    @Override
    public void send(Notification notification) {
        for (Notifier part : parts) {
            try {
                part.send(notification);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("{} failed and was skipped: {}", part, e.toString());
                LOG.debug("{} failed", part, e);
            }
        }
    }

    @Override
    public String toString() {
        return "CompositeNotifier" + parts;
    }
}
