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

    JavaType typeOf(Attribute a) {
        return a.valueType() != null ? a.valueType() : types.resolve(a.variable().getType(), a.owner(), a.bindings());
    }
}
