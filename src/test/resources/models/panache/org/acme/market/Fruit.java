package org.acme.market;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;

import java.math.BigDecimal;

/** Panache's active-record style: public fields are ordinary persistent fields. */
@Entity
public class Fruit extends PanacheEntity {

    @Column(length = 40, unique = true)
    public String name;

    public int stock;

    public BigDecimal price;

    @ManyToOne
    public Farm farm;
}
