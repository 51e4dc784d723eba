package io.migratewatch.source;

import java.util.List;

/**
 * A field's Java type with its names resolved: a primitive, a named type (watched in the index or
 * external, e.g. {@code java.time.LocalDate}), an array, a type variable left unbound, or a name that
 * could not be resolved at all.
 */
sealed interface JavaType {

    /** How the type reads in a message. */
    String display();

    record Primitive(String name) implements JavaType {
        @Override
        public String display() {
            return name;
        }
    }

    /** {@code watched} is null for types outside the watched folders. */
    record Named(String qualifiedName, TypeInfo watched, List<JavaType> arguments) implements JavaType {
        public Named {
            arguments = List.copyOf(arguments);
        }

        String simpleName() {
            return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        }

        @Override
        public String display() {
            String base = simpleName();
            if (arguments.isEmpty()) {
                return base;
            }
            return base + "<" + String.join(", ", arguments.stream().map(JavaType::display).toList()) + ">";
        }
    }

    record Array(JavaType component) implements JavaType {
        @Override
        public String display() {
            return component.display() + "[]";
        }
    }

    /** A type variable of a generic superclass that no {@code extends} clause binds. */
    record Variable(String name, String declaredIn) implements JavaType {
        @Override
        public String display() {
            return name;
        }
    }

    /** A name that is neither watched, imported from a known library, nor in java.lang. */
    record Unresolved(String written) implements JavaType {
        @Override
        public String display() {
            return written;
        }
    }
}
