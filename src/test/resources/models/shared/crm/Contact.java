package crm;

import jakarta.persistence.*;

/** The full view of a row that a lighter entity reads too. */
@Entity
@Table(name = "contact")
public class Contact {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(length = 200)
    private String email;
    @ManyToOne
    private Company company;
}
