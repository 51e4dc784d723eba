package io.migratewatch.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a folder of generated JPA entities for benchmarks: a mapped superclass, an enum and N entities in a chain. */
public final class SyntheticModel {

    private final Path packageDir;

    private SyntheticModel(Path packageDir) {
        this.packageDir = packageDir;
    }

    public static SyntheticModel write(Path sourceRoot, int entities) throws IOException {
        Path pkg = Files.createDirectories(sourceRoot.resolve("bench"));
        Files.writeString(pkg.resolve("Status.java"), "package bench;\npublic enum Status { NEW, ACTIVE, CLOSED }\n");
        Files.writeString(pkg.resolve("BaseEntity.java"), """
                package bench;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class BaseEntity {
                    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
                    private java.time.Instant createdAt;
                }
                """);
        SyntheticModel model = new SyntheticModel(pkg);
        for (int i = 0; i < entities; i++) {
            model.writeEntity(i, "");
        }
        return model;
    }

    public Path file(int entity) {
        return packageDir.resolve("Entity" + entity + ".java");
    }

    /** Rewrites one entity with extra field declarations (e.g. {@code "private String extra;"}). */
    public Path writeEntity(int i, String extraFields) throws IOException {
        String parent = i == 0 ? "" : "    @ManyToOne(fetch = FetchType.LAZY) private Entity" + (i - 1) + " parent;\n";
        String source = "package bench;\nimport jakarta.persistence.*;\n"
                + "@Entity @Table(name = \"entity_" + i + "\", indexes = @Index(columnList = \"code\"))\n"
                + "public class Entity" + i + " extends BaseEntity {\n"
                + "    @Column(nullable = false, length = 40, unique = true) private String code;\n"
                + "    private String name;\n    private java.math.BigDecimal amount;\n    private int quantity;\n"
                + "    @Enumerated(EnumType.STRING) private Status status;\n    private java.time.LocalDate dueOn;\n"
                + parent + extraFields + "\n}\n";
        Path file = file(i);
        Files.writeString(file, source);
        return file;
    }
}
