package lending;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A library member; the embedded address makes migrate-watch leave this table out for now. */
@Entity
public class Member {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 80)
    private String fullName;

    @Embedded
    private PostalAddress address;
}
