package ledger;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class EntryId implements Serializable {
    private Long accountId;
    private Integer lineNo;

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryId k && Objects.equals(accountId, k.accountId) && Objects.equals(lineNo, k.lineNo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accountId, lineNo);
    }
}
