package ledger;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;

/** A composite key ordered by its names as Hibernate holds them (see BranchKey). */
@Entity
public class Branch {
    @EmbeddedId
    private BranchKey id;

    private String city;
}
