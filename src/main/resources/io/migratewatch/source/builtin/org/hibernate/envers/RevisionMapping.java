// migrate-watch's own statement of what Hibernate Envers' RevisionMapping maps (the base of a custom revision entity,
// Hibernate 7): a generated int revision number as id and a long timestamp. Not the library's code.
package org.hibernate.envers;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public class RevisionMapping {

    @Id
    @GeneratedValue
    @RevisionNumber
    private int id;

    @RevisionTimestamp
    private long timestamp;
}
