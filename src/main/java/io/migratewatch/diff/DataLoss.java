package io.migratewatch.diff;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * A change that would lose data (or fail) on what the database holds now.
 *
 * @param values      how many values, rows or positions it touches
 * @param explanation what is lost, as the user reads it: {@code drops column users.age (1,204 values)}
 */
public record DataLoss(Change change, long values, String explanation) {

    /** Empty when nothing is touched. */
    static Optional<DataLoss> of(Change change, long values, String explanation) {
        return values > 0 ? Optional.of(new DataLoss(change, values, explanation)) : Optional.empty();
    }

    /** {@code 1,204 values}, {@code 1 value}. */
    public static String count(long n, String noun) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n) + " " + noun + (n == 1 ? "" : "s");
    }
}
