package io.migratewatch.source;

/**
 * Envers' validity audit strategy ({@code org.hibernate.envers.audit_strategy = validity}): each audit row also
 * records the revision that ended it, a column beside the revision column that points at the revision table, and
 * optionally that revision's timestamp. Names are as written in the settings, before the physical naming.
 *
 * @param endRevisionField      {@code audit_strategy_validity_end_rev_field_name}, default {@code REVEND}
 * @param endTimestampField     {@code audit_strategy_validity_revend_timestamp_field_name} (default
 *                              {@code REVEND_TSTMP}), or null when {@code audit_strategy_validity_store_revend_timestamp}
 *                              is not true
 * @param endTimestampNumeric   {@code audit_strategy_validity_revend_timestamp_numeric}: the timestamp as a
 *                              {@code bigint} instead of a {@code timestamp(6)}
 * @param endTimestampEveryTable not {@code audit_strategy_validity_revend_timestamp_legacy_placement}: the timestamp
 *                              also in each joined subclass's audit table, not only in its root's
 */
public record EnversValidity(String endRevisionField, String endTimestampField, boolean endTimestampNumeric,
                             boolean endTimestampEveryTable) {
}
