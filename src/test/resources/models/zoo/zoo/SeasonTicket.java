package zoo;

import jakarta.persistence.*;

@Entity
public class SeasonTicket extends Ticket {
    @Column(nullable = false, length = 60)
    private String holder;
}
