package zoo;

import jakarta.persistence.*;
import java.time.Instant;

/** What every animal record has, above the hierarchy. */
@MappedSuperclass
public abstract class Creature {
    @Column(nullable = false)
    private Instant registeredAt;
}
