package household;

import jakarta.persistence.Embeddable;

/** A position on the map, nested inside an address. */
@Embeddable
public class GeoPoint {
    private double latitude;
    private double longitude;
}
