package pricing;

import jakarta.persistence.*;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;
import org.hibernate.type.NumericBooleanConverter;

/** ACTIVE with NumericBooleanConverter: integer checked in (1,0). */
@Entity
@SoftDelete(strategy = SoftDeleteType.ACTIVE, converter = NumericBooleanConverter.class)
public class Voucher {
    @Id
    private Long id;
}
