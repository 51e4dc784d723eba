package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vetclinic.model.base.TrackedEntity;

import java.util.ArrayList;
import java.util.List;

/** A pet's owner: the person the clinic calls and bills. */
@Entity
@Table(name = "owners", indexes = @Index(name = "idx_owners_family_name", columnList = "familyName, givenName"))
public class Owner extends TrackedEntity {

    @Column(nullable = false, length = 60)
    private String givenName;

    @NotNull
    @Size(max = 80)
    private String familyName;

    @Column(unique = true, length = 120)
    private String email;

    @Size(max = 30)
    private String phone;

    private String streetLine;

    @Column(length = 10)
    private String postcode;

    private boolean remindersByText;

    @OneToMany(mappedBy = "owner")
    private List<Pet> pets = new ArrayList<>();
}
