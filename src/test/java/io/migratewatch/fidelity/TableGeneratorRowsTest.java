package io.migratewatch.fidelity;

import io.migratewatch.db.DatabaseUrl;
import io.migratewatch.source.Naming;
import io.migratewatch.support.CliRun;
import io.migratewatch.support.TestDatabase;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hibernate's export inserts each table generator's row (its segment and initial value) after creating the table;
 * migrate-watch creates the table only. This shows that is enough: on the database migrate-watch made, Hibernate's
 * generators insert their rows themselves and hand out exactly the ids they hand out on the database Hibernate made.
 */
class TableGeneratorRowsTest {

    @TempDir
    Path work;

    @Test
    void hibernateHandsOutTheSameIdsOnMigrateWatchsTablesAsOnItsOwn() throws Exception {
        ModelSet set = ModelSet.named("saas");
        try (CompiledModel compiled = CompiledModel.compile(set, work.resolve("classes"));
             TestDatabase hibernates = TestDatabase.create("tablegen_hibernate");
             TestDatabase ours = TestDatabase.create("tablegen_mw")) {
            HibernateExport.into(hibernates.url(), compiled, Naming.SPRING);
            MigrateWatchProject project = MigrateWatchProject.create(work.resolve("project"), set, Naming.SPRING, 7);
            CliRun generate = project.run(ours.url(), "generate", "initial schema");
            assertThat(generate.exitCode()).as(generate.toString()).isZero();
            CliRun upgrade = project.run(ours.url(), "upgrade");
            assertThat(upgrade.exitCode()).as(upgrade.toString()).isZero();

            List<Object> onHibernates = persist(hibernates.url(), compiled);
            List<Object> onOurs = persist(ours.url(), compiled);

            // Note from hibernate_sequences' 'default' row, Member from id_blocks' 'member' row (initial value 100)
            assertThat(onOurs).isEqualTo(onHibernates).hasSize(6);
        }
    }

    /** Three notes and three members saved by Hibernate on an existing schema; their ids in order. */
    private static List<Object> persist(DatabaseUrl database, CompiledModel model) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(database.jdbcUrl());
        dataSource.setUser(database.user());
        if (database.password() != null) {
            dataSource.setPassword(database.password());
        }
        BootstrapServiceRegistry bootstrap = new BootstrapServiceRegistryBuilder().applyClassLoader(model.loader()).build();
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder(bootstrap)
                .applySetting(AvailableSettings.DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "none")
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                .build();
        List<Object> ids = new ArrayList<>();
        try {
            MetadataSources sources = new MetadataSources(registry);
            model.managed().forEach(sources::addAnnotatedClass);
            try (SessionFactory factory = sources.buildMetadata().buildSessionFactory()) {
                for (String entity : List.of("Note", "Member")) {
                    Class<?> type = model.loader().loadClass("com.example.saas." + entity);
                    for (int i = 0; i < 3; i++) {
                        Object row = type.getDeclaredConstructor().newInstance();
                        // Workspace's @TenantId makes the factory multi-tenant: every session names its tenant
                        try (Session session = factory.withOptions().tenantIdentifier((Object) "acme").openSession()) {
                            Transaction tx = session.beginTransaction();
                            session.persist(row);
                            tx.commit();
                        }
                        Field id = type.getDeclaredField("id");
                        id.setAccessible(true);
                        ids.add(entity + "#" + id.get(row));
                    }
                }
            }
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
        return ids;
    }
}
