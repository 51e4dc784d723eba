package zoo;

import jakarta.persistence.*;

@Entity
@DiscriminatorValue("2")
public class Aquarium extends Enclosure {
    private Integer litres;
}
