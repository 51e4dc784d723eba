package com.example.auditspan;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Sublease extends Lease {

    private String tenant;
}
