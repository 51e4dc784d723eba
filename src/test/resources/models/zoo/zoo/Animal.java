package zoo;

import jakarta.persistence.*;

/** One table for every kind of animal, told apart by a discriminator. */
@Entity
public class Animal extends Creature {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    @Column(nullable = false, length = 40)
    private String name;
    private int legs;
}
