package com.example.auditspan;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

/** With the timestamp in every table of the hierarchy, its audit table has one too. */
@Entity
@Audited
public class Lease extends Contract {

    private int months;
}
