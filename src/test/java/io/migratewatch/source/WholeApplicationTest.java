package io.migratewatch.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * models.paths pointing at a whole application's {@code src/main/java} (or at the project folder)
 * works as well as a folder of entities: exactly the entities' tables, no error, no warning, and the
 * index keeps only what mapping reads of the other files.
 */
class WholeApplicationTest {

    @TempDir
    Path dir;

    @Test
    void sourceRootOfAWholeApplicationGivesExactlyTheEntitiesTables() {
        Path app = WholeApplication.copy(dir.resolve("petstore"));

        ParsedModel model = SourceIndex.scan(List.of(app.resolve("src/main/java")), Sources.SPRING_7).model();

        assertThat(model.schema().tables().keySet()).containsExactlyInAnyOrderElementsOf(WholeApplication.TABLES);
        assertThat(model.warnings()).isEmpty();
        assertThat(model.unmanagedTables()).isEmpty();
        assertThat(model.complete()).isTrue();
        assertThat(model.mappedEntities()).isEqualTo(WholeApplication.ENTITIES);
        assertThat(model.schema().table("owners").orElseThrow().column("first_name").orElseThrow().type().toString())
                .as("a constant of the domain package sizes the column").contains("80");
        assertThat(model.schema().table("owners").orElseThrow().column("city")).as("the embedded record's columns").isPresent();
    }

    @Test
    void theProjectFolderAsRootSkipsWhatTheBuildGenerated() {
        Path app = WholeApplication.copy(dir.resolve("petstore"));

        // target/ holds a delombok copy of Owner and build/ a metamodel class: read, they would be a
        // second com.example.petstore.domain.Owner and a bogus entity
        SourceIndex index = SourceIndex.scan(List.of(app), Sources.SPRING_7);
        ParsedModel model = index.model();

        assertThat(model.schema().tables().keySet()).containsExactlyInAnyOrderElementsOf(WholeApplication.TABLES);
        assertThat(model.warnings()).isEmpty();
        assertThat(index.files()).noneMatch(p -> app.relativize(p).startsWith("target") || app.relativize(p).startsWith("build"));
        assertThat(index.files()).hasSize(WholeApplication.javaFiles(app.resolve("src/main/java")).size());
    }

    @Test
    void aParsedFileKeepsDeclarationsButNoCodeAndNoTokens() throws Exception {
        Path app = WholeApplication.copy(dir.resolve("petstore"));
        Path service = app.resolve("src/main/java/com/example/petstore/service/InventoryService.java");

        ParsedFile parsed = new JavaSourceParser().parse(service, Files.readString(service), 1);

        Node declaration = parsed.types().get(0).declaration();
        assertThat(declaration.findAll(MethodDeclaration.class)).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getBody()).isEmpty());
        assertThat(declaration.findAll(ConstructorDeclaration.class)).isEmpty();
        assertThat(declaration.findAll(InitializerDeclaration.class)).isEmpty();
        assertThat(declaration.findAll(Node.class)).allSatisfy(n -> {
            assertThat(n.getTokenRange()).as("tokens link the whole file's text to every node kept").isEmpty();
            assertThat(n.getRange()).as("positions stay for messages").isPresent();
        });
        assertThat(parsed.types().get(0).field("LOW_STOCK")).as("constants stay").isPresent();
        assertThat(parsed.types().get(0).declaration().getName().getBegin().orElseThrow().line).isEqualTo(13);
    }

    @Test
    void everyFileOfTheApplicationParses() {
        Path app = WholeApplication.copy(dir.resolve("petstore"));
        JavaSourceParser parser = new JavaSourceParser();
        for (Path f : WholeApplication.javaFiles(app.resolve("src/main/java"))) {
            try {
                parser.parse(f, Files.readString(f), 1);
            } catch (Exception e) {
                throw new AssertionError(f + ": " + e.getMessage(), e);
            }
        }
        assertThat(WholeApplication.javaFiles(app.resolve("src/main/java"))).hasSizeGreaterThanOrEqualTo(40);
    }
}
