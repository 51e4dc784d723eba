package shopfront.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;

import java.time.LocalDate;

@Entity
public class PickupShipment extends Shipment {

    @Column(nullable = false, length = 80)
    private String pickupPoint;

    private LocalDate collectBy;
}
