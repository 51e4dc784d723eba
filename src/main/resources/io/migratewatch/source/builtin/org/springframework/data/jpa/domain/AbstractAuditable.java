// migrate-watch's own statement of what Spring Data JPA 4.x's AbstractAuditable maps: the generated id of
// AbstractPersistable, the auditor who created and last modified the row (to-one associations to the
// application's user type U) and when, as Instants. Spring Data JPA 3.x, for Hibernate 6, kept the dates as
// @Temporal(TIMESTAMP) java.util.Date: builtin-hibernate6/ states that line. Not the library's code.
package org.springframework.data.jpa.domain;

import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;
import java.time.Instant;

@MappedSuperclass
public abstract class AbstractAuditable<U, PK extends Serializable> extends AbstractPersistable<PK> {

    @ManyToOne
    private U createdBy;

    private Instant createdDate;

    @ManyToOne
    private U lastModifiedBy;

    private Instant lastModifiedDate;
}
