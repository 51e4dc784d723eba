// migrate-watch's own statement of what Hibernate Envers' TrackingModifiedEntitiesRevisionMapping maps: the revision
// number and timestamp, and the names of the entities a revision changed, in the table REVCHANGES (key column REV,
// value column ENTITYNAME). Not the library's code. Envers names that table with @JoinTable, which Hibernate reads as
// the collection table of an element collection; it is written here as the @CollectionTable it amounts to.
package org.hibernate.envers;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;

import java.util.Set;

@MappedSuperclass
public class TrackingModifiedEntitiesRevisionMapping extends RevisionMapping {

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "REVCHANGES", joinColumns = @JoinColumn(name = "REV"))
    @Column(name = "ENTITYNAME")
    @ModifiedEntityNames
    private Set<String> modifiedEntityNames;
}
