package io.migratewatch.support;

import io.migratewatch.db.DatabaseUrl;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** A PostgreSQL 17 server in Docker, for machines that have Docker and ask for it. */
final class ContainerServer {

    private ContainerServer() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    static DatabaseUrl start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17");
        container.start();
        return DatabaseUrl.parse(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
