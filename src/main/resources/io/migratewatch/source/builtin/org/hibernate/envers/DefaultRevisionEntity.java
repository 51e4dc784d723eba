// migrate-watch's own statement of Hibernate Envers' DefaultRevisionEntity: on Hibernate 6 the mapped superclass of
// custom revision entities, on Hibernate 7 a final class over RevisionMapping. Either way it maps RevisionMapping's
// columns (id, timestamp). Not the library's code.
package org.hibernate.envers;

import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public class DefaultRevisionEntity extends RevisionMapping {
}
