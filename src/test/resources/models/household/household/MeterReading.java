package household;

import jakarta.persistence.*;

/** A composite key as an embeddable. */
@Entity
public class MeterReading {
    @EmbeddedId
    private MeterReadingId id;
    private int kilowattHours;
}
