package io.migratewatch.workflow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a deploy to several schemas puts each schema's backups: {@code backup.dir/<schema>}, never outside it. */
class SchemaBackupFolderTest {

    @Test
    void eachSchemasBackupsGoToAFolderOfItsNameThatStaysInsideTheBackupFolder() {
        assertThat(Project.folderFor("tenant_a")).isEqualTo("tenant_a");
        assertThat(Project.folderFor("kunde_müller")).isEqualTo("kunde_müller");
        assertThat(Project.folderFor("..")).isEqualTo("__");
        assertThat(Project.folderFor("a/../../etc")).doesNotContain("/").doesNotContain("..");
    }
}
