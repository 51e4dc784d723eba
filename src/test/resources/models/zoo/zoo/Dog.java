package zoo;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("DOG")
public class Dog extends Animal {
    @Column(length = 30)
    private String breed;
    private boolean trained;
    @ManyToOne
    private Keeper walker;
}
