package shopfront.customer;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

import java.time.LocalDate;

/** A wish list, keyed by an embedded id. */
@Entity
public class Wishlist {

    @EmbeddedId
    private WishlistKey key;

    private boolean shared;

    private LocalDate createdOn;
}
