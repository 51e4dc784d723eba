package shopfront.sales;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.NaturalId;
import shopfront.common.Address;
import shopfront.common.Audited;
import shopfront.customer.Customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An order ("order" is a keyword, hence the table name), shipped to an address of its own, with its items. */
@Entity
@Table(name = "orders")
public class CustomerOrder extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @NaturalId
    @Column(length = 20)
    private String orderNumber;

    @ManyToOne(optional = false)
    private Customer customer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private OrderStatus status;

    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "ship_street", length = 120))
    private Address shipTo;

    @Column(precision = 12, scale = 2)
    private BigDecimal total;

    @ElementCollection
    private List<OrderItem> items = new ArrayList<>();
}
