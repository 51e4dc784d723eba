package shopfront.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address, stored in the columns of whichever table holds it. */
@Embeddable
public class Address {

    @Column(length = 120)
    private String street;

    @Column(length = 80)
    private String city;

    @Column(length = 12)
    private String postalCode;

    @Column(length = 2)
    private String countryCode;
}
