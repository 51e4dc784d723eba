package ledger.convert;

import jakarta.persistence.Converter;

import java.util.Locale;

/** A country's locale as its ISO code. */
@Converter
public class CountryConverter extends CodeConverter<Locale> {

    @Override
    public String convertToDatabaseColumn(Locale locale) {
        return locale == null ? null : locale.getCountry();
    }

    @Override
    public Locale convertToEntityAttribute(String code) {
        return code == null ? null : new Locale("", code);
    }
}
