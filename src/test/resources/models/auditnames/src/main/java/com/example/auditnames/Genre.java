package com.example.auditnames;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Genre {

    @Id
    private Integer id;

    private String label;
}
