package com.example.auditvalidity;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Painting extends Asset {

    private String artist;
}
