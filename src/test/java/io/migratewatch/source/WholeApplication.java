package io.migratewatch.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The fake pet store under {@code src/test/resources/apps/petstore}: a whole Spring application
 * (controllers, services, repositories, DTO records, Lombok entities, module-info, package-info),
 * copied into a folder with what a build leaves next to it.
 */
final class WholeApplication {

    /** The tables of its eight entities, and nothing else. */
    static final Set<String> TABLES = Set.of("owners", "pet", "visit", "vet", "specialty", "vet_specialties", "product",
            "purchase_orders", "order_line");
    static final int ENTITIES = 8;

    private WholeApplication() {
    }

    static Path resources() {
        try {
            return Path.of(WholeApplication.class.getResource("/apps/petstore").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the application to {@code target} (its {@code src/main/java} under {@code prefix}, a
     * package path, when not empty), with sources an annotation processor and delombok would have
     * generated under {@code target/}: copies of the entities among them, which must never be read.
     */
    static Path copy(Path target) {
        try {
            Path from = resources();
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            Path generated = target.resolve("target/generated-sources/annotations/com/example/petstore/mapper/OwnerMapperImpl.java");
            Files.createDirectories(generated.getParent());
            Files.writeString(generated, """
                    package com.example.petstore.mapper;

                    import javax.annotation.processing.Generated;

                    @Generated("org.mapstruct.ap.MappingProcessor")
                    public class OwnerMapperImpl implements OwnerMapper {
                    }
                    """);
            Path delombok = target.resolve("target/generated-sources/delombok/com/example/petstore/domain/Owner.java");
            Files.createDirectories(delombok.getParent());
            Files.copy(target.resolve("src/main/java/com/example/petstore/domain/Owner.java"), delombok);
            Path metamodel = target.resolve("build/generated/sources/annotationProcessor/java/main/com/example/petstore/domain/Pet_.java");
            Files.createDirectories(metamodel.getParent());
            Files.writeString(metamodel, """
                    package com.example.petstore.domain;

                    @jakarta.persistence.metamodel.StaticMetamodel(Pet.class)
                    @jakarta.persistence.Entity
                    public abstract class Pet_ {
                        public static volatile jakarta.persistence.metamodel.SingularAttribute<Pet, String> name;
                    }
                    """);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> javaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
