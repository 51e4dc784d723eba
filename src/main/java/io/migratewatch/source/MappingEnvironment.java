package io.migratewatch.source;

import java.util.Map;

/**
 * What every entity mapping of one {@link SourceIndex#model()} call shares: the options, the type
 * index, the persistence-unit-wide facts, the association-target cache and the hierarchy roles.
 */
final class MappingEnvironment {

    final MappingOptions options;
    final NamingStrategy naming;
    final TypeIndex index;
    final GlobalFacts globals;
    final Map<String, HierarchyRole> roles;
    final Hierarchies hierarchies;
    final JavaTypeMapping typeMapping;
    final Targets targets;

    MappingEnvironment(MappingOptions options, TypeIndex index, GlobalFacts globals, Map<String, HierarchyRole> roles,
                       Hierarchies hierarchies) {
        this.options = options;
        this.naming = new NamingStrategy(options);
        this.index = index;
        this.globals = globals;
        this.roles = roles;
        this.hierarchies = hierarchies;
        this.typeMapping = new JavaTypeMapping(options);
        this.targets = new Targets(this);
    }

    HierarchyRole role(TypeInfo entity) {
        return roles.getOrDefault(entity.qualifiedName(), HierarchyRole.NONE);
    }

    /** A fresh context that records what one entity's mapping reads. */
    MappingContext context() {
        return new MappingContext(this, new Dependencies());
    }
}
