package com.example.auditvalidity;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

/** Two levels below the root. */
@Entity
@Audited
public class Miniature extends Painting {

    private int widthMm;
}
