package io.migratewatch.source;

import io.migratewatch.schema.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.migratewatch.source.Sources.column;
import static io.migratewatch.source.Sources.table;
import static org.assertj.core.api.Assertions.assertThat;

/** JPA's access type: getters are the attributes where @Id is on a getter or @Access(PROPERTY) says so. */
class PropertyAccessTest {

    @TempDir
    Path dir;

    @Test
    void anIdOnAGetterMakesTheGettersTheAttributes() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Account {
                    private Long key;
                    private String holderName;
                    private boolean active;
                    private String cache;
                    @Id @GeneratedValue public Long getId() { return key; }
                    @Column(length = 80) public String getHolderName() { return holderName; }
                    public boolean isActive() { return active; }
                    public String getURL() { return ""; }
                    @Transient public String getDisplay() { return holderName; }
                    public void setHolderName(String n) { holderName = n; }
                    public static String getNothing() { return null; }
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "account").columnsByName().keySet()).containsExactlyInAnyOrder("id", "holder_name", "active", "url");
        assertThat(table(m, "account").primaryKey().columns()).containsExactly("id");
        assertThat(column(m, "account", "holder_name").type()).isEqualTo(ColumnType.varchar(80));
        assertThat(column(m, "account", "active").nullable()).isFalse();
        assertThat(m.schema().sequences()).containsOnlyKeys("account_seq");
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void aMappedSuperclassesGetterIdDecidesForTheEntityBelow() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @MappedSuperclass
                public abstract class Base {
                    @Id public Long getId() { return null; }
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Item extends Base {
                    private int ignoredField;
                    public int getQuantity() { return 0; }
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "item").columnsByName().keySet()).containsExactlyInAnyOrder("id", "quantity");
    }

    @Test
    void accessPropertyOnAClassAndAccessFieldOnAFieldOverrideTheDefault() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                @Access(AccessType.PROPERTY)
                public class Note {
                    @Access(AccessType.FIELD) @Id private Long id;
                    private String body;
                    public String getText() { return body; }
                }
                """);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Tag {
                    @Id private Long id;
                    private String name;
                    @Access(AccessType.PROPERTY) public String getSlug() { return name; }
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "note").columnsByName().keySet()).containsExactlyInAnyOrder("id", "text");
        assertThat(table(m, "tag").columnsByName().keySet()).containsExactlyInAnyOrder("id", "name", "slug");
        assertThat(m.warnings()).isEmpty();
    }

    @Test
    void fieldAccessStaysTheDefaultAndIgnoresPlainGetters() {
        Sources s = new Sources(dir);
        s.write("""
                package app;
                import jakarta.persistence.*;
                @Entity
                public class Plain {
                    @Id private Long id;
                    private String name;
                    public String getName() { return name; }
                    public String getComputed() { return name + "!"; }
                }
                """);
        ParsedModel m = s.model();
        assertThat(table(m, "plain").columnsByName().keySet()).containsExactlyInAnyOrder("id", "name");
    }
}
