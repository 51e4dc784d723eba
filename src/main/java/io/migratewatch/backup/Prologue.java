package io.migratewatch.backup;

import io.migratewatch.schema.Identifiers;

/**
 * The SQL every backup starts with, whichever engine wrote the rest: session settings as pg_dump
 * sets them, then the schema and the database's large objects dropped, so that running the file
 * (by {@code db restore}, or {@code psql -f}) replaces what is there with what the backup holds —
 * tables created after the backup included.
 */
final class Prologue {

    private Prologue() {
    }

    static String sql(String schema, String engine) {
        return "\n--\n-- Restore with: migrate-watch db restore <this file>\n"
                + "--           or: psql -v ON_ERROR_STOP=1" + (engine.equals("builtin") ? " --single-transaction" : "") + " -f <this file>\n"
                + "-- It replaces schema " + Manifest.escape(Identifiers.quote(schema)) + " and the database's large objects with the backup's.\n--\n\n"
                + "SET statement_timeout = 0;\n"
                + "SET lock_timeout = 0;\n"
                + "SET client_encoding = 'UTF8';\n"
                + "SET standard_conforming_strings = on;\n"
                + "SELECT pg_catalog.set_config('search_path', '', false);\n"
                + "SET check_function_bodies = false;\n"
                + "SET client_min_messages = warning;\n\n"
                + "DROP SCHEMA IF EXISTS " + Identifiers.quote(schema) + " CASCADE;\n"
                + "SELECT pg_catalog.count(pg_catalog.lo_unlink(oid)) AS large_objects_dropped FROM pg_catalog.pg_largeobject_metadata;\n\n";
    }

    /** The last line of every backup, after the dump. */
    static final String END = "\n-- end of backup\n";
}
