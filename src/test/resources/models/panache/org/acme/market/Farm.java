package org.acme.market;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

import java.time.LocalDate;

@Entity
public class Farm extends PanacheEntity {

    public String name;

    public LocalDate certifiedOn;
}
