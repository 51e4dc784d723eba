package com.example.audited;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import org.hibernate.envers.Audited;

/** A joined hierarchy: item_aud, and a subclass _aud table keyed by (id, rev) pointing at item_aud. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@Audited
public class Item {

    @Id
    @GeneratedValue
    private Long id;

    private String label;
}
