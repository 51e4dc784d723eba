package ledger.model;

import java.io.Serializable;

/** Kept whole, serialized: a value class that is neither entity nor embeddable. */
public class Attachment implements Serializable {
    private String fileName;
    private byte[] content;
}
