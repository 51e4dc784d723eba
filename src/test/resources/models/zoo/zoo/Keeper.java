package zoo;

import jakarta.persistence.*;

@Entity
public class Keeper {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String fullName;
}
