package vetclinic.model.base;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;

import java.time.Instant;

/** Every clinic record has a sequence id, an optimistic-lock counter and the moment it was created. */
@MappedSuperclass
public abstract class TrackedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Version
    private Integer revision;

    @CreationTimestamp
    @Column(updatable = false)
    private Instant recordedAt;

    public Long getId() {
        return id;
    }
}
