package ledger;

import jakarta.persistence.Entity;
import java.util.UUID;

/** @GeneratedValue on an id bound to UUID. */
@Entity
public class Voucher extends Stamped<UUID> {
    private String code;
}
