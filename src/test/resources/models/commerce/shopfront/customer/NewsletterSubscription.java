package shopfront.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;
import shopfront.catalog.Country;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Anyone may subscribe, customer or not; the id goes into the unsubscribe link. */
@Entity
public class NewsletterSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;

    @NotNull
    @Column(unique = true, length = 160)
    private String email;

    private OffsetDateTime confirmedAt;

    @ManyToOne
    private Country country;
}
