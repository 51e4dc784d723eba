package com.example.auditspan;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import org.hibernate.envers.Audited;

@Entity
@Audited
@Inheritance(strategy = InheritanceType.JOINED)
public class Contract {

    @Id
    private Long id;

    private String party;
}
