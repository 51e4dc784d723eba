package zoo;

import jakarta.persistence.*;

@Entity
public class DayTicket extends Ticket {
    private boolean withGuide;
}
