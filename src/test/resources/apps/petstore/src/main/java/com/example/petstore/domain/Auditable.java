package com.example.petstore.domain;

import java.time.Duration;
import java.time.Instant;

/** Something that knows when it was created; the rest is worked out from that. */
public interface Auditable {

    Instant created();

    default Duration age(Instant now) {
        Instant at = created();
        return at == null ? Duration.ZERO : Duration.between(at, now);
    }

    default boolean olderThan(Duration limit, Instant now) {
        return age(now).compareTo(limit) > 0;
    }

    static Instant epochIfMissing(Instant value) {
        return value != null ? value : Instant.EPOCH;
    }
}
