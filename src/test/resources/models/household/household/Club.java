package household;

import jakarta.persistence.*;
import java.util.HashSet;
import java.util.Set;

@Entity
public class Club {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    private String title;

    @ManyToMany(mappedBy = "clubs")
    private Set<Person> members = new HashSet<>();
}
