package io.migratewatch.db;

import io.migratewatch.schema.Identifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One schema of a database that several schemas share the same migrations in (a schema per tenant): every connection
 * has that schema alone on its search path, so a migration's unqualified names create and change that schema's tables,
 * and the catalog shows its defaults unqualified, as it shows the schema the migrations are replayed into. Opened
 * over the database of the whole deploy, which it leaves open when closed.
 */
public final class SchemaDatabase extends Database {

    private final Database database;
    private final String schema;

    public SchemaDatabase(Database database, String schema) {
        super(database.url());
        this.database = database;
        this.schema = schema;
    }

    @Override
    public Connection connect() {
        Connection c = database.connect();
        try (Statement s = c.createStatement()) {
            // not public as well: a table missing here must be an error, never a change to public's table of that name
            s.execute("SET search_path TO " + Identifiers.quote(schema));
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is unusable anyway
            }
            throw new DatabaseUnreachableException("cannot set the search path to schema " + schema + " on "
                    + url().hostAndPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the deploy's database serves the other schemas too
    }
}
