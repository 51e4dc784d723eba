package household;

import jakarta.persistence.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Entity
public class Household {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Embedded
    private Address address;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "street", column = @Column(name = "billing_street")),
            @AttributeOverride(name = "city", column = @Column(name = "billing_city")),
            @AttributeOverride(name = "postcode", column = @Column(name = "billing_postcode")),
            @AttributeOverride(name = "point.latitude", column = @Column(name = "billing_lat")),
            @AttributeOverride(name = "point.longitude", column = @Column(name = "billing_lon"))
    })
    private Address billing;

    @Embedded
    private Money budget;

    @ElementCollection
    private Set<String> nicknames = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "household_chore", joinColumns = @JoinColumn(name = "household"))
    @Column(name = "chore", length = 80)
    @OrderColumn
    private List<String> chores = new ArrayList<>();

    @ElementCollection
    @MapKeyColumn(name = "room")
    @Column(name = "area")
    private Map<String, Integer> rooms = new HashMap<>();

    @ElementCollection
    private List<Money> expenses = new ArrayList<>();

    /** @JoinTable on an element collection, as older mappings write it */
    @ElementCollection
    @JoinTable(name = "household_keyword", joinColumns = @JoinColumn(name = "owner_household"))
    private Set<String> keywords = new HashSet<>();

    @ManyToMany
    private Set<Pet> pets = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "household_helper", joinColumns = @JoinColumn(name = "household_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    private List<Person> helpers = new ArrayList<>();

    @OneToMany
    private List<Appliance> appliances = new ArrayList<>();

    @OneToMany
    @JoinColumn(name = "household_id")
    private Set<Vehicle> vehicles = new HashSet<>();
}
