// migrate-watch's own statement of what Quarkus Panache's PanacheEntity maps (Hibernate Reactive flavour): a mapped
// superclass with a public generated Long id (public fields are ordinary persistent fields). Not the library's code.
package io.quarkus.hibernate.reactive.panache;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

@MappedSuperclass
public abstract class PanacheEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue
    public Long id;
}
