package io.migratewatch.source;

/**
 * The application's Hibernate Envers settings that name the audit tables and their columns
 * ({@code org.hibernate.envers.*}); each null when the application does not say it, and Envers' default applies.
 *
 * @param tablePrefix       {@code audit_table_prefix}, default none
 * @param tableSuffix       {@code audit_table_suffix}, default {@code _AUD}
 * @param revisionField     {@code revision_field_name}, default {@code REV}
 * @param revisionTypeField {@code revision_type_field_name}, default {@code REVTYPE}
 */
public record EnversSettings(String tablePrefix, String tableSuffix, String revisionField, String revisionTypeField) {

    /** Envers' defaults. */
    public static final EnversSettings NONE = new EnversSettings(null, null, null, null);

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
