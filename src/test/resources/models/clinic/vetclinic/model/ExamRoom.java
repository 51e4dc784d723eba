package vetclinic.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

/** Rooms are numbered from 100 up, one at a time, so the number printed on the door is the id. */
@Entity
public class ExamRoom {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roomNumbers")
    @SequenceGenerator(name = "roomNumbers", sequenceName = "exam_room_numbers", initialValue = 100, allocationSize = 1)
    private Integer id;

    @Column(nullable = false, unique = true, length = 30)
    private String label;

    private short floor;

    private boolean hasXRay;
}
