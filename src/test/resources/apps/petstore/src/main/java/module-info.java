/** The pet store as a Java module: what it reads and what it opens to the frameworks. */
module com.example.petstore {
    requires spring.boot;
    requires spring.boot.autoconfigure;
    requires spring.context;
    requires spring.web;
    requires spring.data.jpa;
    requires jakarta.persistence;
    requires static lombok;
    requires org.hibernate.orm.core;

    exports com.example.petstore.web;
    exports com.example.petstore.dto;
    opens com.example.petstore.domain to org.hibernate.orm.core, spring.core;
}
