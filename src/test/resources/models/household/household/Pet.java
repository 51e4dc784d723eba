package household;

import jakarta.persistence.*;

@Entity
public class Pet {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    private String name;
}
