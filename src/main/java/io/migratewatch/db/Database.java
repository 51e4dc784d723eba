package io.migratewatch.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL database migrate-watch works on: where it is and how to connect. Closing it stops the
 * embedded server when this process started one.
 */
public class Database implements AutoCloseable {

    private final DatabaseUrl url;

    public Database(DatabaseUrl url) {
        this.url = url;
    }

    public DatabaseUrl url() {
        return url;
    }

    public Connection connect() {
        Properties props = new Properties();
        if (url.user() != null) {
            props.setProperty("user", url.user());
        }
        if (url.password() != null && !url.password().isEmpty()) {
            props.setProperty("password", url.password());
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "migrate-watch");
        try {
            return DriverManager.getConnection(url.jdbcUrl(), props);
        } catch (SQLException e) {
            throw new DatabaseUnreachableException("cannot connect to PostgreSQL at " + url.hostAndPort() + " (database "
                    + url.database() + "): " + safeMessage(e) + "\n  Check that the server is running and that "
                    + "database.url / DATABASE_URL, database.user and database.password are right.", e);
        }
    }

    private String safeMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (url.password() != null && !url.password().isEmpty()) {
            message = message.replace(url.password(), "***");
        }
        return message;
    }

    @Override
    public void close() {
        // an external database has nothing to stop
    }
}
