// migrate-watch's own statement of what Spring Data JPA's AbstractPersistable maps (Spring Data JPA 3.x and 4.x):
// a generic mapped superclass whose only persistent field is a generated id. Not the library's code.
package org.springframework.data.jpa.domain;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.io.Serializable;

@MappedSuperclass
public abstract class AbstractPersistable<PK extends Serializable> {

    @Id
    @GeneratedValue
    private PK id;
}
