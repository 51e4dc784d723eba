package lending;

import jakarta.persistence.Embeddable;

@Embeddable
public class PostalAddress {

    private String street;

    private String town;
}
