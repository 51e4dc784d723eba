package pricing;

import jakarta.persistence.*;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.type.TrueFalseConverter;

/** A renamed soft-delete column of TrueFalseConverter. */
@Entity
@SoftDelete(columnName = "removed", converter = TrueFalseConverter.class)
public class Bundle {
    @Id
    private Long id;
}
