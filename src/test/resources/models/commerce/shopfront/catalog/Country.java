package shopfront.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Where the shop delivers, keyed by the ISO 3166 code. */
@Entity
public class Country {

    @Id
    @Column(length = 2)
    private String isoCode;

    @Column(nullable = false, length = 80)
    private String name;

    private boolean vatExempt;
}
