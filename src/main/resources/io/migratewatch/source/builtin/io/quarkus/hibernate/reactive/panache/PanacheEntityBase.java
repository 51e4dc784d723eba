// migrate-watch's own statement of Quarkus Panache's PanacheEntityBase (Hibernate Reactive flavour): the active-record
// helpers, with no persistent state. It adds no column. Not the library's code.
package io.quarkus.hibernate.reactive.panache;

public abstract class PanacheEntityBase {
}
