package io.migratewatch.source;

/**
 * The application's Hibernate Envers settings that name the audit tables and their columns
 * ({@code org.hibernate.envers.*}); each null when the application does not say it, and Envers' default applies.
 *
 * @param tablePrefix       {@code audit_table_prefix}, default none
 * @param tableSuffix       {@code audit_table_suffix}, default {@code _AUD}
 * @param revisionField     {@code revision_field_name}, default {@code REV}
 * @param revisionTypeField {@code revision_type_field_name}, default {@code REVTYPE}
 * @param validity          the validity audit strategy's columns, or null for Envers' default strategy
 * @param schema            {@code default_schema}: the schema of the audit tables and the revision table, or null
 *                          for the application's own
 */
public record EnversSettings(String tablePrefix, String tableSuffix, String revisionField, String revisionTypeField,
                             EnversValidity validity, String schema) {

    /** Envers' defaults. */
    public static final EnversSettings NONE = new EnversSettings(null, null, null, null);

    /** Names only, with the default strategy in the application's schema. */
    public EnversSettings(String tablePrefix, String tableSuffix, String revisionField, String revisionTypeField) {
        this(tablePrefix, tableSuffix, revisionField, revisionTypeField, null, null);
    }

    String prefix() {
        return tablePrefix == null ? "" : tablePrefix;
    }

    String suffix() {
        return tableSuffix == null ? "_AUD" : tableSuffix;
    }

    String revision() {
        return revisionField == null ? "REV" : revisionField;
    }

    String revisionType() {
        return revisionTypeField == null ? "REVTYPE" : revisionTypeField;
    }
}
