package io.migratewatch.db;

import java.sql.SQLException;

/** Tells a lost or refused connection apart from an error in the SQL itself. */
public final class ConnectionLoss {

    private ConnectionLoss() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnreachableException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().equals("57P01") || s.getSQLState().equals("57P03"))) {
                return true;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }
}
