package io.migratewatch.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * orm.xml and Hibernate's legacy *.hbm.xml files next to the sources are not read yet: each is said,
 * naming the file, and the classes and tables they map are left out of migrations rather than dropped.
 */
class XmlMappingFilesTest {

    @TempDir
    Path project;

    private Path java() {
        return project.resolve("src/main/java");
    }

    private Path resource(String relative, String text) throws IOException {
        Path file = project.resolve("src/main/resources").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ParsedModel model() {
        return SourceIndex.scan(List.of(java()), Sources.SPRING_7).model();
    }

    private void customer() {
        new Sources(java()).write("""
                package shop;
                import jakarta.persistence.*;
                @Entity
                public class Customer {
                    @Id private Long id;
                }
                """);
    }

    @Test
    void ormXmlIsSaidAndWhatOnlyItMapsIsLeftOut() throws IOException {
        customer();
        new Sources(java()).write("""
                package shop;
                public class Invoice {
                    private Long id;
                }
                """);
        resource("META-INF/orm.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.1">
                    <package>shop</package>
                    <entity class="Invoice">
                        <table name="invoices"/>
                    </entity>
                    <entity class="Customer"/>
                </entity-mappings>
                """);

        ParsedModel model = model();

        assertThat(model.warnings()).extracting(SourceProblem::format).containsExactly(
                "orm.xml:2: mappings in orm.xml are not read yet: table invoices is left out of migrations"
                        + " (1 class mapped only in this file)");
        assertThat(model.unmanagedTables()).containsExactly("invoices");
        assertThat(model.schema().tables().keySet()).containsExactly("customer");
        assertThat(model.complete()).isFalse();
        assertThat(model.mappedEntities()).isEqualTo(1);
        assertThat(model.leftOut()).extracting(LeftOutEntity::entity).containsExactly("shop.Invoice");
        assertThat(model.coverage().unreadFiles()).hasSize(1);
    }

    @Test
    void ormXmlWithoutEntitiesIsStillSaid() throws IOException {
        customer();
        resource("META-INF/orm.xml", """
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.1">
                    <named-query name="Customer.all"><query>select c from Customer c</query></named-query>
                </entity-mappings>
                """);

        ParsedModel model = model();

        assertThat(model.warnings()).extracting(SourceProblem::format).containsExactly(
                "orm.xml:1: mappings in orm.xml are not read yet: the entities are mapped from their annotations only");
        assertThat(model.schema().tables().keySet()).containsExactly("customer");
        assertThat(model.complete()).isFalse();
    }

    @Test
    void aTableOverrideInOrmXmlOfAnAnnotatedEntityIsAnError() throws IOException {
        customer();
        resource("META-INF/orm.xml", """
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.1">
                    <entity class="shop.Customer">
                        <table name="clients"/>
                    </entity>
                </entity-mappings>
                """);

        SourceException e = assertThrows(SourceException.class, this::model);

        assertThat(e.getMessage()).isEqualTo("orm.xml:2: shop.Customer is mapped to table clients in orm.xml, which is"
                + " not read yet: write @Table(name = \"clients\") on the class instead, or remove the override");
    }

    @Test
    void hbmXmlIsSaidAndItsTablesAreLeftOut() throws IOException {
        customer();
        resource("shop/Invoice.hbm.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE hibernate-mapping PUBLIC "-//Hibernate/Hibernate Mapping DTD 3.0//EN"
                        "http://www.hibernate.org/dtd/hibernate-mapping-3.0.dtd">
                <hibernate-mapping package="shop">
                    <class name="Invoice" table="INVOICE">
                        <id name="id" column="ID"><generator class="native"/></id>
                        <set name="lines" table="invoice_line"><key column="invoice_id"/><element column="text" type="string"/></set>
                    </class>
                    <class name="CreditNote">
                        <id name="id"/>
                    </class>
                </hibernate-mapping>
                """);

        ParsedModel model = model();

        assertThat(model.warnings()).extracting(SourceProblem::format).containsExactly(
                "Invoice.hbm.xml:4: Hibernate's legacy hbm.xml mappings are not read: tables invoice, invoice_line,"
                        + " credit_note are left out of migrations (2 classes mapped only in this file)");
        assertThat(model.unmanagedTables()).containsExactlyInAnyOrder("invoice", "invoice_line", "credit_note");
        assertThat(model.leftOut()).extracting(LeftOutEntity::entity).containsExactly("shop.Invoice", "shop.CreditNote");
        assertThat(model.mappedEntities()).isEqualTo(1);
    }

    @Test
    void aMalformedMappingFileIsAnErrorNamingIt() throws IOException {
        customer();
        resource("legacy/Broken.hbm.xml", "<hibernate-mapping>\n  <class name=\"x.Y\">\n</hibernate-mapping>\n");

        SourceException e = assertThrows(SourceException.class, this::model);

        assertThat(e.getMessage()).startsWith("Broken.hbm.xml:3:").contains("this mapping file is not well-formed XML");
    }

    @Test
    void mappingFilesInsideTheWatchedRootAreFoundToo() throws IOException {
        customer();
        Path hbm = java().resolve("shop/Old.hbm.xml");
        Files.writeString(hbm, "<hibernate-mapping><class name=\"shop.Old\" table=\"old_things\"/></hibernate-mapping>");

        ParsedModel model = SourceIndex.scan(List.of(project), Sources.SPRING_7).model();

        assertThat(model.unmanagedTables()).containsExactly("old_things");
        assertThat(model.warnings()).extracting(SourceProblem::format).containsExactly(
                "Old.hbm.xml:1: Hibernate's legacy hbm.xml mappings are not read: table old_things is left out of migrations"
                        + " (1 class mapped only in this file)");
    }
}
