package ledger;

import jakarta.persistence.*;

@Entity
@IdClass(PeriodKey.class)
public class Period {
    @Id
    private Integer year;
    @Id
    private Short month;
    private boolean closed;
}
