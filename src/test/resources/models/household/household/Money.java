package household;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An amount in a currency, as a record. */
@Embeddable
public record Money(BigDecimal amount, String currency) {
}
