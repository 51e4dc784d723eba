package shopfront.logistics;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import shopfront.sales.CustomerOrder;

import java.time.Instant;

/** A parcel or a pickup: common columns here, the rest in one table per kind (JOINED). */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Shipment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(optional = false)
    private CustomerOrder order;

    private Instant dispatchedAt;
}
