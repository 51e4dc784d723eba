package shopfront.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import java.util.ArrayList;
import java.util.List;

/** A warehouse owns its stock levels through a foreign key in their table (unidirectional @OneToMany). */
@Entity
public class Warehouse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 10)
    private String code;

    @Column(length = 80)
    private String city;

    @OneToMany
    @JoinColumn(name = "warehouse_id")
    private List<StockLevel> levels = new ArrayList<>();
}
