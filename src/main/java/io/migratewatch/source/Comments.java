package io.migratewatch.source;

import java.util.Optional;

/**
 * A comment for the database: Hibernate's {@code @Comment} on an entity or field, or the
 * {@code comment} of JPA 3.2's {@code @Table} / {@code @Column}. Written with {@code COMMENT ON};
 * the text is a string literal, so any text is safe, but a NUL character cannot be stored.
 */
final class Comments {

    private Comments() {
    }

    static Optional<String> of(Attribute a, ConstantResolver c) {
        Optional<Ann> hibernate = a.annotation(Family.HIBERNATE, "Comment");
        if (hibernate.isPresent()) {
            return text(c, hibernate.get(), "value");
        }
        return a.annotation(Family.JPA, "Column").flatMap(col -> text(c, col, "comment"));
    }

    static Optional<String> of(TypeInfo entity, ConstantResolver c) {
        Optional<Ann> hibernate = entity.annotation(Family.HIBERNATE, "Comment").map(x -> new Ann(x, entity));
        if (hibernate.isPresent()) {
            return text(c, hibernate.get(), "value");
        }
        return entity.annotation(Family.JPA, "Table").map(x -> new Ann(x, entity)).flatMap(t -> text(c, t, "comment"));
    }

    private static Optional<String> text(ConstantResolver c, Ann a, String attribute) {
        String text = c.string(a, attribute, "");
        if (text.indexOf('\0') >= 0) {
            throw MappingError.at(a.owner(), ModelExpressions.valueOf(a, attribute), a.display() + " contains a NUL character,"
                    + " which PostgreSQL cannot store: remove it");
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
