package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;
import vetclinic.model.base.TrackedEntity;

import java.time.LocalDateTime;

/** A booked slot: which pet sees which vet, when and where. Removing a pet removes its bookings. */
@Entity
@Table(indexes = {
        @Index(columnList = "startsAt"),
        @Index(name = "idx_appointment_vet_day", columnList = "vet_id, startsAt desc")
})
public class Appointment extends TrackedEntity {

    @ManyToOne(optional = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Pet pet;

    @ManyToOne
    private Veterinarian vet;

    @ManyToOne
    @JoinColumn(name = "room_id", foreignKey = @ForeignKey(name = "fk_appointment_room"))
    private ExamRoom room;

    @Column(nullable = false)
    private LocalDateTime startsAt;

    private int plannedMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    @ColumnDefault("'BOOKED'")
    private AppointmentStatus status;

    @Size(max = 500)
    private String reason;
}
