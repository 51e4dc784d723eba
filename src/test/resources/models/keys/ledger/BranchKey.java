package ledger;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * Two key columns of one size whose order depends on case: names as written put regionCode first ('C' sorts
 * before 'a'), snake case puts region_code first too, lower-cased names would put regionalnumber first.
 */
@Embeddable
public class BranchKey implements Serializable {
    private Long regionalNumber;
    private Long regionCode;

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchKey k && Objects.equals(regionCode, k.regionCode) && Objects.equals(regionalNumber, k.regionalNumber);
    }

    @Override
    public int hashCode() {
        return Objects.hash(regionCode, regionalNumber);
    }
}
