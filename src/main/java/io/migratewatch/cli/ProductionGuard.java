package io.migratewatch.cli;

import io.migratewatch.ExitCode;
import io.migratewatch.MigrateWatchException;
import io.migratewatch.config.Settings;

/**
 * What {@code environment = production} forbids or makes ask first: in production nothing is generated (migrations
 * come reviewed and committed, and {@code deploy} applies them), and what rewrites a production database's schema or
 * history needs {@code --yes}.
 */
final class ProductionGuard {

    private ProductionGuard() {
    }

    /** Refuses a development-only command in production. */
    static void refuse(Settings settings, String what) {
        Settings.Environment env = settings.environment();
        if (env.production()) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, what + " does not run in production (" + env.source() + "):"
                    + " write migrations in development, commit them, and apply them here with migrate-watch deploy");
        }
    }

    /** In production, goes on only with --yes. */
    static void confirm(Settings settings, boolean yes, String command) {
        Settings.Environment env = settings.environment();
        if (env.production() && !yes) {
            throw new MigrateWatchException(ExitCode.BAD_INPUT, "this is production (" + env.source() + "): " + command
                    + " changes the database's history or schema, so it needs confirming. Nothing was changed."
                    + "\n  Run it again with --yes: migrate-watch " + command + " --yes");
        }
    }
}
