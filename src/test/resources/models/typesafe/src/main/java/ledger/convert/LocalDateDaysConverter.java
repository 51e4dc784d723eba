package ledger.convert;

import jakarta.persistence.Converter;

import java.time.LocalDate;

/** A date as its epoch day, through the generic EpochDayConverter. */
@Converter
public class LocalDateDaysConverter extends EpochDayConverter<LocalDate> {

    @Override
    protected long toDays(LocalDate value) {
        return value.toEpochDay();
    }

    @Override
    protected LocalDate fromDays(long days) {
        return LocalDate.ofEpochDay(days);
    }
}
