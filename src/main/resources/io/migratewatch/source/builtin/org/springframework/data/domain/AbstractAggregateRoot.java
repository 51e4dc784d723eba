// migrate-watch's own statement of Spring Data's AbstractAggregateRoot: a plain (not mapped) superclass whose only
// state, the pending domain events, is transient. It adds no column. Not the library's code.
package org.springframework.data.domain;

public class AbstractAggregateRoot<A extends AbstractAggregateRoot<A>> {
}
