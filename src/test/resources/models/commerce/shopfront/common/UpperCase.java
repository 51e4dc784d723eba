package shopfront.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Locale;

/** Codes the customer types in any case are kept in capitals. */
@Converter
public class UpperCase implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
