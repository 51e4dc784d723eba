// migrate-watch's own statement of Hibernate Envers' DefaultTrackingModifiedEntitiesRevisionEntity: the Hibernate 6
// mapped superclass (Hibernate 7: a final class) with the columns of TrackingModifiedEntitiesRevisionMapping.
// Not the library's code.
package org.hibernate.envers;

import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public class DefaultTrackingModifiedEntitiesRevisionEntity extends TrackingModifiedEntitiesRevisionMapping {
}
