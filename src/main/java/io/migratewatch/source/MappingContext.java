package io.migratewatch.source;

/** The tools one entity's mapping uses, all recording into that entity's {@link Dependencies}. */
final class MappingContext {

    final MappingEnvironment env;
    final Dependencies dependencies;
    final ConstantResolver constants;
    final TypeResolver types;
    final AttributeCollector attributes;

    MappingContext(MappingEnvironment env, Dependencies dependencies) {
        this.env = env;
        this.dependencies = dependencies;
        this.constants = new ConstantResolver(env.index, dependencies);
        this.types = new TypeResolver(env.index, dependencies);
        this.attributes = new AttributeCollector(env.index, types, dependencies);
    }

    NamingStrategy naming() {
        return env.naming;
    }

    MappingOptions options() {
        return env.options;
    }

    /**
     * A Bean Validation annotation on the attribute, as far as it reaches the DDL: none when the application keeps
     * Bean Validation out of it ({@code jakarta.persistence.validation.mode=none}, {@code hibernate.validator.apply_to_ddl=false}).
     */
    java.util.Optional<Ann> validation(Attribute a, String name) {
        return options().hibernate().beanValidationDdl() ? a.annotation(Family.VALIDATION, name) : java.util.Optional.empty();
    }

    JavaType typeOf(Attribute a) {
        return a.valueType() != null ? a.valueType() : types.resolve(a.variable().getType(), a.owner(), a.bindings());
    }
}
