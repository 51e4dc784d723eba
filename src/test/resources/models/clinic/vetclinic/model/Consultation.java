package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import vetclinic.model.base.TrackedEntity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** What happened in the room: at most one consultation per appointment. */
@Entity
public class Consultation extends TrackedEntity {

    @OneToOne(optional = false)
    @JoinColumn(name = "appointment_id")
    private Appointment appointment;

    @Lob
    private String clinicalNotes;

    private Double temperatureCelsius;

    @Column(precision = 5, scale = 2)
    private BigDecimal weighedKg;

    private OffsetDateTime closedAt;

    @OneToMany(mappedBy = "consultation")
    private List<Prescription> prescriptions = new ArrayList<>();
}
