// migrate-watch's own statement of Quarkus Panache's PanacheEntityBase (Hibernate ORM flavour): the active-record
// helpers, with no persistent state. It adds no column. Not the library's code.
package io.quarkus.hibernate.orm.panache;

public abstract class PanacheEntityBase {
}
