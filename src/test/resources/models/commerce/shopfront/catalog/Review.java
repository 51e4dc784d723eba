package shopfront.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.LocalDate;

/** A customer's opinion of a product, keyed by both (@IdClass). */
@Entity
@IdClass(ReviewKey.class)
public class Review {

    @Id
    private Long productId;

    @Id
    private Long customerId;

    @Min(1)
    @Max(5)
    private short stars;

    @Column(length = 2000)
    private String comment;

    private LocalDate writtenOn;
}
