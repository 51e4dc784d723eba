package ledger.model;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

import java.util.UUID;

/** @GeneratedValue (AUTO) on a UUID id: a random UUID, no sequence. */
@Entity
public class Device {

    @Id
    @GeneratedValue
    private UUID id;

    private String label;
}
