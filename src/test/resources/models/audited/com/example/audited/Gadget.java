package com.example.audited;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Gadget extends Item {

    private int voltage;
}
