package shopfront.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** A customer names their wish lists; the name is unique per customer. */
@Embeddable
public class WishlistKey implements Serializable {

    private Long customerId;

    @Column(length = 60)
    private String listName;

    @Override
    public boolean equals(Object o) {
        return o instanceof WishlistKey k && Objects.equals(customerId, k.customerId) && Objects.equals(listName, k.listName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(customerId, listName);
    }
}
