package ledger;

import java.io.Serializable;
import java.util.Objects;

/** The key class of an @IdClass entity: same field names and types as its @Id fields. */
public class PeriodKey implements Serializable {
    private Integer year;
    private Short month;

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodKey k && Objects.equals(year, k.year) && Objects.equals(month, k.month);
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, month);
    }
}
