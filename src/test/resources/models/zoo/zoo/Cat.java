package zoo;

import jakarta.persistence.*;

@Entity
public class Cat extends Animal {
    @Column(nullable = false)
    private Integer lives;
}
