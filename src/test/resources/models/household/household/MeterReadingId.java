package household;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;

@Embeddable
public class MeterReadingId implements Serializable {
    private Long householdId;
    private LocalDate readOn;

    @Override
    public boolean equals(Object o) {
        return o instanceof MeterReadingId other && java.util.Objects.equals(householdId, other.householdId)
                && java.util.Objects.equals(readOn, other.readOn);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(householdId, readOn);
    }
}
