package ledger;

import jakarta.persistence.*;

/** An embedded id, part of which is the key of another entity. */
@Entity
public class Entry {
    @EmbeddedId
    private EntryId id;
    @MapsId("accountId")
    @ManyToOne
    private Account account;
    @Column(length = 200)
    private String memo;
}
