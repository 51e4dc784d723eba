package com.example.auditnames;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Novel extends Work {

    private int pages;
}
