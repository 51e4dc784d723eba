package io.migratewatch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import io.migratewatch.backup.BackupWriter;
import io.migratewatch.backup.Backups;
import io.migratewatch.backup.BuiltinEngine;
import io.migratewatch.backup.PgDumpEngine;
import io.migratewatch.backup.Restorer;
import io.migratewatch.db.Databases;
import io.migratewatch.diff.SchemaDiff;
import io.migratewatch.migration.AdvisoryLock;
import io.migratewatch.migration.HistoryTable;
import io.migratewatch.migration.MigrationRunner;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The package rules of the design, checked on the compiled main classes (tests are not analysed).
 * <pre>
 *   cli ──▶ watch                 front ends: parse arguments / watch files, call a use case, print
 *    │        │
 *    └────────┴──▶ workflow       the use cases
 *                     │
 *                     ▼           the building blocks (no cycles among them):
 *        migration, backup, db, config, notify
 *        source ──▶ schema    introspect ──▶ schema    diff ──▶ schema    sql ──▶ diff, schema
 *        schema ──▶ the JDK only
 * </pre>
 * The front ends call the engines only through workflow; they may read the values a use case returns.
 * Only dependencies on {@code io.migratewatch..} are restricted (except for {@code schema}, which may
 * use nothing but the JDK); libraries such as jOOQ, JavaParser or picocli are free wherever they are
 * used. The two top-level classes {@link ExitCode} and {@link MigrateWatchException} are shared by all
 * packages and allowed everywhere.
 */
@AnalyzeClasses(packages = "io.migratewatch", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "io.migratewatch";

    /** The packages below workflow: the building blocks the use cases are made of. */
    private static final String[] BUILDING_BLOCKS = packages(
            "schema", "source", "introspect", "diff", "sql", "migration", "backup", "db", "config", "notify");

    /** ExitCode and MigrateWatchException (and anything else placed directly in the root package). */
    private static final DescribedPredicate<JavaClass> SHARED = resideInAPackage(ROOT)
            .as("the shared top-level classes of " + ROOT);

    private static final DescribedPredicate<JavaClass> NOT_OURS = resideOutsideOfPackage(ROOT + "..")
            .as("a library or the JDK");

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    private static String[] packages(String... names) {
        return Arrays.stream(names).map(ArchitectureTest::pkg).toArray(String[]::new);
    }

    /** Classes of {@code layer} use nothing of ours but their own package, {@code allowed} and the shared classes. */
    private static ArchRule ourDependenciesOf(String layer, String... allowed) {
        String[] mayUse = Stream.concat(Stream.of(layer), Stream.of(allowed)).map(ArchitectureTest::pkg).toArray(String[]::new);
        String description = allowed.length == 0 ? "nothing of ours" : "only " + String.join(", ", allowed) + " of ours";
        return classes().that().resideInAPackage(pkg(layer))
                .should().onlyDependOnClassesThat(NOT_OURS.or(resideInAnyPackage(mayUse)).or(SHARED))
                .as(ROOT + "." + layer + " uses " + description
                        + " (besides itself, " + ExitCode.class.getSimpleName() + " and " + MigrateWatchException.class.getSimpleName()
                        + ", and any library)");
    }

    // --- the model and the building blocks ------------------------------------------------------

    @ArchTest
    static final ArchRule schema_uses_only_the_jdk = classes().that().resideInAPackage(pkg("schema"))
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", pkg("schema")).or(SHARED))
            .as(ROOT + ".schema uses nothing of ours and no library, only the JDK")
            .because("the schema model is the common language of the parser, the inspector, the diff and the SQL renderer:"
                    + " it stays a plain value model that every one of them can use and that drags none of them (nor a library) along");

    @ArchTest
    static final ArchRule source_uses_only_schema = ourDependenciesOf("source", "schema")
            .because("the parser turns entity sources into a schema model and nothing else: it must not know how the model"
                    + " is compared, stored or applied, so that it can be tested and reused on sources alone");

    @ArchTest
    static final ArchRule introspect_uses_only_schema = ourDependenciesOf("introspect", "schema")
            .because("the inspector reads a live database into the same schema model the parser produces; it must not know"
                    + " about entity sources, diffs or migrations, so that 'what is there' is read the same way for every use case");

    @ArchTest
    static final ArchRule diff_uses_only_schema = ourDependenciesOf("diff", "schema")
            .because("the diff compares two schema models whatever they came from (sources, a database, a migration's result);"
                    + " knowing where they came from would make it behave differently for each");

    @ArchTest
    static final ArchRule sql_uses_only_diff_and_schema = ourDependenciesOf("sql", "diff", "schema")
            .because("the renderer turns changes into PostgreSQL text; it knows the changes and the schema model,"
                    + " not where they came from nor how the SQL is run");

    // --- layering: building blocks < workflow < watch < cli -----------------------------------------

    @ArchTest
    static final ArchRule building_blocks_do_not_use_workflow = noClasses().that().resideInAnyPackage(BUILDING_BLOCKS)
            .should().dependOnClassesThat().resideInAPackage(pkg("workflow"))
            .as("nothing below workflow (" + String.join(", ", BUILDING_BLOCKS) + ") uses " + pkg("workflow"))
            .because("workflow composes the building blocks into use cases; a building block that calls back into a use case"
                    + " makes a cycle and hides the flow of a command");

    @ArchTest
    static final ArchRule building_blocks_do_not_use_cli_or_watch = noClasses().that().resideInAnyPackage(BUILDING_BLOCKS)
            .should().dependOnClassesThat().resideInAnyPackage(pkg("cli"), pkg("watch"))
            .as("nothing below workflow (" + String.join(", ", BUILDING_BLOCKS) + ") uses " + pkg("cli") + " or " + pkg("watch"))
            .because("cli and watch are the front ends; every building block must work without a command line or a file"
                    + " watcher, from any front end and from tests");

    @ArchTest
    static final ArchRule workflow_does_not_use_cli_or_watch = noClasses().that().resideInAPackage(pkg("workflow"))
            .should().dependOnClassesThat().resideInAnyPackage(pkg("cli"), pkg("watch"))
            .because("a use case is shared by the command line and the daemon, so it must not know which of the two runs it");

    @ArchTest
    static final ArchRule watch_does_not_use_cli = noClasses().that().resideInAPackage(pkg("watch"))
            .should().dependOnClassesThat().resideInAPackage(pkg("cli"))
            .because("the CLI's start command runs the daemon, never the other way round");

    @ArchTest
    static final ArchRule top_level_packages_are_free_of_cycles = slices().matching(ROOT + ".(*)..").namingSlices("$1")
            .should().beFreeOfCycles()
            .as("the top-level packages of " + ROOT + " are free of cycles")
            .because("a cycle between packages means that neither can be understood, tested or changed on its own");

    // --- cli and watch hold no use-case logic --------------------------------------------------------

    /** What computes, reads or changes schemas, migrations and backups: the work of the use cases. */
    private static final DescribedPredicate<JavaClass> ENGINES = resideInAnyPackage(pkg("sql"), pkg("introspect"))
            .or(equivalentTo(SchemaDiff.class)).or(equivalentTo(MigrationRunner.class)).or(equivalentTo(HistoryTable.class))
            .or(equivalentTo(AdvisoryLock.class)).or(equivalentTo(Backups.class)).or(equivalentTo(Restorer.class))
            .or(equivalentTo(BackupWriter.class)).or(equivalentTo(BuiltinEngine.class)).or(equivalentTo(PgDumpEngine.class))
            .or(equivalentTo(Databases.class))
            .as("the engines (SQL rendering, introspection, the diff, the migration runner, the history table, the migration"
                    + " lock, backup and restore, opening databases)");

    @ArchTest
    static final ArchRule cli_and_watch_do_not_run_the_engines = noClasses().that().resideInAnyPackage(pkg("cli"), pkg("watch"))
            .should().dependOnClassesThat(ENGINES)
            .because("cli and watch parse arguments or watch files, call a workflow use case and print its result (reading the"
                    + " values it returns is fine): computing a diff, rendering SQL, reading the database, running migrations and"
                    + " taking backups is use-case logic that belongs in workflow, where the command line and the daemon share it");
}
