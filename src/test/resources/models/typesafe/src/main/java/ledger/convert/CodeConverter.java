package ledger.convert;

import jakarta.persistence.AttributeConverter;

/** Two levels of generic superclass: the entity side stays open, the database side is a short code. */
public abstract class CodeConverter<T> extends TypedConverter<T, String> {
}

abstract class TypedConverter<A, D> implements AttributeConverter<A, D> {
}
