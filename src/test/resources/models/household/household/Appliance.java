package household;

import jakarta.persistence.*;

@Entity
public class Appliance {
    @Id @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;
    private String model;
}
