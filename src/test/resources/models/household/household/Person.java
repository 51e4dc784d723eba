package household;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Person {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    private String fullName;

    @ManyToMany
    private Set<Club> clubs = new HashSet<>();
}
