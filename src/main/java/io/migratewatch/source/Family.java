package io.migratewatch.source;

import java.util.Set;

/**
 * The annotation packages the mapping reads. Names are only trusted through their imports, so that
 * e.g. JetBrains' {@code @NotNull} is not taken for Bean Validation's.
 */
enum Family {
    JPA(Set.of("jakarta.persistence", "javax.persistence")),
    HIBERNATE(Set.of("org.hibernate.annotations")),
    /** Hibernate Envers: an application whose sources use these has Envers as a dependency. */
    ENVERS(Set.of("org.hibernate.envers")),
    VALIDATION(Set.of("jakarta.validation.constraints", "javax.validation.constraints",
            "org.hibernate.validator.constraints"));

    private final Set<String> packages;

    Family(Set<String> packages) {
        this.packages = packages;
    }

    boolean owns(String packageName) {
        return packages.contains(packageName);
    }

    Set<String> packages() {
        return packages;
    }
}
