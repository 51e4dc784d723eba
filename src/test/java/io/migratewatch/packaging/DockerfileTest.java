package io.migratewatch.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * daemon/Dockerfile read as Docker reads it (continuation lines joined, comments dropped), since no Docker daemon
 * may be there to build it: the stages, the user, what it copies and whether the build context has it.
 */
class DockerfileTest {

    record Instruction(String keyword, String arguments) {
    }

    static List<Instruction> instructions(Path dockerfile) throws IOException {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(dockerfile)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            int space = text.indexOf(' ');
            out.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
        }
        return out;
    }

    private static List<Instruction> dockerfile() throws IOException {
        return instructions(Path.of("daemon/Dockerfile"));
    }

    private static List<String> all(String keyword) throws IOException {
        return dockerfile().stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** The instructions of the last stage, the image that ships. */
    private static List<Instruction> finalStage() throws IOException {
        List<Instruction> all = dockerfile();
        int from = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return all.subList(from, all.size());
    }

    @Test
    void aMavenBuildStageThenAJava17RuntimeWithTheServersPgDumpFromPgdg() throws IOException {
        assertThat(all("FROM")).containsExactly("maven:3-eclipse-temurin-17 AS build", "eclipse-temurin:17-jre");
        List<Instruction> runtime = finalStage();
        assertThat(runtime).contains(new Instruction("ARG", "PG_MAJOR=17"));
        String install = runtime.stream().filter(i -> i.keyword().equals("RUN")).map(Instruction::arguments)
                .filter(r -> r.contains("postgresql-client")).findFirst().orElseThrow();
        assertThat(install).contains("https://apt.postgresql.org/pub/repos/apt", "\"postgresql-client-${PG_MAJOR}\"", "pg_dump --version");
    }

    @Test
    void theJarItCopiesIsTheOneTheBuildStageMakes() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(pom);
        assertThat(finalName.find()).isTrue();

        assertThat(all("COPY")).contains("--from=build /src/target/" + finalName.group(1) + ".jar /opt/migrate-watch/migrate-watch.jar");
        assertThat(all("RUN").get(0)).contains("package");
    }

    @Test
    void itRunsAsTheNonRootUserItCreatesWithMigrateWatchAsEntrypointAndHealthCheck() throws IOException {
        List<Instruction> runtime = finalStage();
        Instruction user = runtime.stream().filter(i -> i.keyword().equals("USER")).reduce((a, b) -> b).orElseThrow();
        assertThat(user.arguments()).isEqualTo("10001:10001");
        assertThat(all("RUN")).anyMatch(r -> r.contains("useradd --system --uid 10001"));

        assertThat(all("COPY")).contains("daemon/docker-entrypoint.sh /usr/local/bin/migrate-watch");
        assertThat(all("ENTRYPOINT")).containsExactly("[\"migrate-watch\"]");
        assertThat(all("CMD")).containsExactly("[\"start\"]");
        assertThat(all("HEALTHCHECK")).singleElement().asString()
                .endsWith("CMD [\"migrate-watch\", \"--quiet\", \"status\", \"--check\"]");
    }

    @Test
    void everyFileItCopiesFromTheContextExistsAndIsNotExcludedByDockerignore() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignore.get(0)).as("everything is left out but what is named").isEqualTo("*");

        List<String> sources = all("COPY").stream().filter(c -> !c.startsWith("--from"))
                .map(c -> c.split(" ")[0]).toList();
        assertThat(sources).containsExactly("pom.xml", "src/main", "daemon/docker-entrypoint.sh");
        for (String source : sources) {
            assertThat(Path.of(source)).exists();
            assertThat(ignore).as(source).contains("!" + source);
        }
    }
}
