package io.migratewatch.fidelity;

import io.migratewatch.source.Naming;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A difference between Hibernate's schema and migrate-watch's that is known and not fixed yet, with every fact,
 * change or message it shows up as. The fidelity test lists each one explicitly, so the build stays green while
 * the gap stays visible; a listed text that no longer shows up fails the test too, so the list cannot go stale
 * once the mapper is fixed.
 *
 * @param set    the model set
 * @param naming the naming it happens with; null for both
 * @param hibernate the Hibernate major version (and models.hibernate-version) it happens with; 0 for both
 * @param why    what causes it, where, and what would fix it
 * @param texts  per assertion, the exact lines it shows up as
 */
public record KnownGap(String set, Naming naming, int hibernate, String why, Map<Kind, List<String>> texts) {

    public enum Kind {
        /** (a) a fact of a mapped table that Hibernate creates and migrate-watch does not */
        MISSING_IN_MIGRATE_WATCH,
        /** (a) a fact migrate-watch creates that Hibernate does not */
        EXTRA_IN_MIGRATE_WATCH,
        /** (b) a table Hibernate creates, left out by migrate-watch without a warning naming it */
        LEFT_OUT_WITHOUT_WARNING,
        /** (c) a change migrate-watch's diff proposes against Hibernate's own database */
        CHANGE_AGAINST_HIBERNATE,
        /** (d) a line of a second generate that still finds changes */
        NOT_CONVERGED,
        /**
         * {@code generate} fails on an empty database, so there is no schema B to compare: the text is a part of
         * its error message. (a) and (d) cannot be checked for that run; (b) and (c) still are.
         */
        GENERATE_FAILS
    }

    public KnownGap {
        Map<Kind, List<String>> copy = new EnumMap<>(Kind.class);
        texts.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        texts = Map.copyOf(copy);
    }

    /** A gap of {@code set} with either naming. */
    public static KnownGap in(String set, String why) {
        return new KnownGap(set, null, 0, why, Map.of());
    }

    /** A gap of {@code set} with one naming only. */
    public static KnownGap in(String set, Naming naming, String why) {
        return new KnownGap(set, naming, 0, why, Map.of());
    }

    /** The same gap, only under one Hibernate version (6 or 7). */
    public KnownGap under(int hibernateVersion) {
        return new KnownGap(set, naming, hibernateVersion, why, texts);
    }

    public KnownGap hibernateHas(String... facts) {
        return with(Kind.MISSING_IN_MIGRATE_WATCH, facts);
    }

    public KnownGap migrateWatchHas(String... facts) {
        return with(Kind.EXTRA_IN_MIGRATE_WATCH, facts);
    }

    public KnownGap diffAgainstHibernate(String... changes) {
        return with(Kind.CHANGE_AGAINST_HIBERNATE, changes);
    }

    public KnownGap generateFailsWith(String messagePart) {
        return with(Kind.GENERATE_FAILS, messagePart);
    }

    public KnownGap with(Kind kind, String... lines) {
        Map<Kind, List<String>> more = new EnumMap<>(Kind.class);
        more.putAll(texts);
        List<String> all = new ArrayList<>(texts.getOrDefault(kind, List.of()));
        all.addAll(List.of(lines));
        more.put(kind, all);
        return new KnownGap(set, naming, hibernate, why, more);
    }

    public List<String> texts(Kind kind) {
        return texts.getOrDefault(kind, List.of());
    }

    public boolean appliesTo(String set, Naming naming, int hibernateVersion) {
        return this.set.equals(set) && (this.naming == null || this.naming == naming)
                && (hibernate == 0 || hibernate == hibernateVersion);
    }
}
