package ledger.convert;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.Arrays;
import java.util.List;

/** A list of short labels as one comma-separated text. */
@Converter
public class TextListConverter implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> labels) {
        return labels == null ? null : String.join(",", labels);
    }

    @Override
    public List<String> convertToEntityAttribute(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
