package io.migratewatch.source;

import java.util.Optional;

/** An entity's JPA name ({@code @Entity(name)} or the class name) and its table's physical name. */
final class EntityNames {

    private EntityNames() {
    }

    static String entityName(TypeInfo entity, MappingContext ctx) {
        Optional<Ann> e = entity.annotation(Family.JPA, "Entity").map(a -> new Ann(a, entity));
        String name = e.map(a -> ModelNames.read(ctx.constants, a, "name")).orElse("");
        return name.isBlank() ? entity.simpleName() : name;
    }

    static PhysicalName table(TypeInfo entity, MappingContext ctx) {
        Optional<Ann> t = entity.annotation(Family.JPA, "Table").map(a -> new Ann(a, entity));
        String name = t.map(a -> ModelNames.read(ctx.constants, a, "name")).orElse("");
        return ctx.naming().physical(name.isBlank() ? entityName(entity, ctx) : name);
    }
}
