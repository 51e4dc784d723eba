package io.migratewatch.source;

/**
 * Which physical naming rules the application uses ({@code models.naming}): {@link #SPRING} is Spring
 * Boot's default (camelCase → snake_case, join tables {@code <owner table>_<attribute>}),
 * {@link #HIBERNATE} keeps names as written (JPA default join-table names).
 */
public enum Naming {
    SPRING,
    HIBERNATE;

    /** Reads the {@code models.naming} setting ({@code spring} or {@code hibernate}, any case). */
    public static Naming of(String setting) {
        for (Naming n : values()) {
            if (n.name().equalsIgnoreCase(setting.trim())) {
                return n;
            }
        }
        throw new IllegalArgumentException("models.naming must be spring or hibernate, not " + setting);
    }
}
