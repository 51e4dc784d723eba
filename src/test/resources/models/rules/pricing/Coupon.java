package pricing;

import jakarta.persistence.*;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.type.YesNoConverter;

/** A soft-delete column of Hibernate's YesNoConverter: char(1) checked in ('N','Y'). */
@Entity
@SoftDelete(converter = YesNoConverter.class)
public class Coupon {
    @Id
    private Long id;
    private String code;
}
