package io.migratewatch.source;

import java.util.List;

/**
 * An entity the models declare but migrations do not cover, and why: a mapping that is not
 * supported yet, or a mapping file that is not read.
 *
 * @param entity  the class's qualified name, or null when only its table is known
 * @param table   the table left out with it
 * @param reasons the warnings that explain it, with where they are
 */
public record LeftOutEntity(String entity, String table, List<SourceProblem> reasons) {

    public LeftOutEntity {
        reasons = List.copyOf(reasons);
    }

    /** {@code shop.Order (table orders)}, or {@code table orders} when the class is not known. */
    public String describe() {
        return entity == null ? "table " + table : entity + " (table " + table + ")";
    }
}
