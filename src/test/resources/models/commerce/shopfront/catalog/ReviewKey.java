package shopfront.catalog;

import java.io.Serializable;
import java.util.Objects;

/** The key of a review: one review per product and customer. */
public class ReviewKey implements Serializable {

    private Long productId;
    private Long customerId;

    public ReviewKey() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReviewKey k && Objects.equals(productId, k.productId) && Objects.equals(customerId, k.customerId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(productId, customerId);
    }
}
