package zoo;

import jakarta.persistence.*;

/** A second level below the root. */
@Entity
public class Kitten extends Cat {
    private String toy;
}
