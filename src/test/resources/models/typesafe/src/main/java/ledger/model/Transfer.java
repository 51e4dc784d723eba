package ledger.model;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import ledger.convert.CountryConverter;
import ledger.convert.LocalDateDaysConverter;
import ledger.convert.Money;
import ledger.convert.TextListConverter;
import org.hibernate.type.NumericBooleanConverter;
import org.hibernate.type.TrueFalseConverter;
import org.hibernate.type.YesNoConverter;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A money transfer: converters of every kind. */
@Entity
public class Transfer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    @SequenceGenerator(name = "transfer_ids", initialValue = 1000, allocationSize = 20)
    private Long id;

    @ManyToOne(optional = false)
    private Account source;

    // auto-applied MoneyConverter: numeric(38,2)
    private Money amount;

    @Column(precision = 12, scale = 2)
    private Money fee;

    // conversion switched off: Money is Serializable, so bytes
    @Convert(disableConversion = true)
    private Money snapshot;

    @Convert(converter = TextListConverter.class)
    @Column(length = 500)
    private List<String> labels;

    @Convert(converter = LocalDateDaysConverter.class)
    private LocalDate valueDate;

    @Convert(converter = LocalDateDaysConverter.class)
    @Column(name = "booked_day")
    private LocalDate bookingDate;

    @Convert(converter = CountryConverter.class)
    @Column(length = 2)
    private Locale country;

    @Convert(converter = YesNoConverter.class)
    private Boolean urgent;

    @Convert(converter = TrueFalseConverter.class)
    private boolean reviewed;

    @Convert(converter = NumericBooleanConverter.class)
    private Boolean international;

    private Attachment receipt;
}
