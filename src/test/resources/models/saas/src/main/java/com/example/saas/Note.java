package com.example.saas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.SoftDelete;

/** A second entity on the default table generator (one more row of hibernate_sequences), soft delete renamed. */
@Entity
@SoftDelete(columnName = "gone")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE)
    private Long id;

    private String text;
}
