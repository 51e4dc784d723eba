package ledger.convert;

import jakarta.persistence.AttributeConverter;

/** The generic half of a converter family: a value stored as a number of its own kind. */
public abstract class EpochDayConverter<V> implements AttributeConverter<V, Long> {

    protected abstract long toDays(V value);

    protected abstract V fromDays(long days);

    @Override
    public Long convertToDatabaseColumn(V value) {
        return value == null ? null : toDays(value);
    }

    @Override
    public V convertToEntityAttribute(Long days) {
        return days == null ? null : fromDays(days);
    }
}
