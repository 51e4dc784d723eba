// migrate-watch's own statement of what Spring Data JPA 3.x's AbstractAuditable maps, the line an application on
// Hibernate 6 uses (Spring Data JPA 4 needs Hibernate 7): as the 4.x statement in builtin/, except that the dates are
// @Temporal(TIMESTAMP) java.util.Date, timestamp(6) columns without a time zone. Not the library's code.
package org.springframework.data.jpa.domain;

import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;

import java.io.Serializable;
import java.util.Date;

@MappedSuperclass
public abstract class AbstractAuditable<U, PK extends Serializable> extends AbstractPersistable<PK> {

    @ManyToOne
    private U createdBy;

    @Temporal(TemporalType.TIMESTAMP)
    private Date createdDate;

    @ManyToOne
    private U lastModifiedBy;

    @Temporal(TemporalType.TIMESTAMP)
    private Date lastModifiedDate;
}
