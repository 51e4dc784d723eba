package shopfront.customer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import shopfront.common.Address;
import shopfront.common.Audited;

import java.util.HashSet;
import java.util.Set;

/** A registered buyer, with a billing address and any number of phone numbers. */
@Entity
public class Customer extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 160)
    private String email;

    @Column(length = 100)
    private String displayName;

    @Embedded
    private Address billingAddress;

    @ElementCollection
    @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "phone", length = 30)
    private Set<String> phones = new HashSet<>();
}
