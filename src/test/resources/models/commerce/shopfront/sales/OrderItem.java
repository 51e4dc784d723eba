package shopfront.sales;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.ManyToOne;
import shopfront.catalog.Product;

import java.math.BigDecimal;

/** One product on an order, at the price it had when the order was placed; it has no life of its own. */
@Embeddable
public class OrderItem {

    @ManyToOne(optional = false)
    private Product product;

    private int quantity;

    @Column(precision = 10, scale = 2)
    private BigDecimal unitPrice;
}
