package shopfront.logistics;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import shopfront.catalog.Product;

import java.time.Instant;

/** How many of a product one warehouse holds. */
@Entity
public class StockLevel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(optional = false)
    private Product product;

    private int onHand;

    private int reserved;

    private Instant countedAt;
}
