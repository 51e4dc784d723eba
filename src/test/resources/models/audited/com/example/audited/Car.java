package com.example.audited;

import jakarta.persistence.Entity;
import org.hibernate.envers.Audited;

@Entity
@Audited
public class Car extends Vehicle {

    private int seats;
}
