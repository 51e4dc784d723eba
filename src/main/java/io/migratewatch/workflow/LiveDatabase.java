package io.migratewatch.workflow;

import io.migratewatch.diff.LiveData;
import io.migratewatch.introspect.DataProbe;

import java.sql.Connection;
import java.sql.SQLException;

/** The counts a change's data loss is measured with, read from the live database. */
record LiveDatabase(Connection connection, String schema) implements LiveData {

    @Override
    public long rows(String table) throws SQLException {
        return DataProbe.rowCount(connection, schema, table);
    }

    @Override
    public long values(String table, String column) throws SQLException {
        return DataProbe.nonNullCount(connection, schema, table, column);
    }

    @Override
    public long sequencePosition(String sequence) throws SQLException {
        return DataProbe.sequencePosition(connection, schema, sequence);
    }
}
