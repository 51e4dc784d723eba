package zoo;

import jakarta.persistence.*;

/** An integer discriminator. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "type_code", discriminatorType = DiscriminatorType.INTEGER)
@DiscriminatorValue("1")
public class Enclosure {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String label;
}
