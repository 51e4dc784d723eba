package io.migratewatch.workflow;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.diff.DataLoss;

import java.util.List;

/** A change would lose data: nothing was written or applied, and the message says how to proceed. */
public class NeedsReviewException extends MigrateWatchException {

    private final List<DataLoss> losses;

    public NeedsReviewException(String message, List<DataLoss> losses) {
        super(ExitCode.NEEDS_REVIEW, message);
        this.losses = List.copyOf(losses);
    }

    public List<DataLoss> losses() {
        return losses;
    }
}
