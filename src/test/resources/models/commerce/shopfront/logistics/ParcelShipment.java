package shopfront.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

@Entity
public class ParcelShipment extends Shipment {

    @Column(length = 40)
    private String carrier;

    @Column(length = 64)
    private String trackingCode;
}
