package ledger;

import jakarta.persistence.Entity;

/** @GeneratedValue on an id bound to Long: a sequence. */
@Entity
public class Coupon extends Stamped<Long> {
    private String code;
}
