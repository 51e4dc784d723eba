package ledger.convert;

import java.io.Serializable;
import java.math.BigDecimal;

/** An amount in minor units; stored through MoneyConverter, which is applied to every Money attribute. */
public final class Money implements Serializable {

    private final long cents;

    public Money(long cents) {
        this.cents = cents;
    }

    public long cents() {
        return cents;
    }

    public BigDecimal asDecimal() {
        return BigDecimal.valueOf(cents, 2);
    }
}
