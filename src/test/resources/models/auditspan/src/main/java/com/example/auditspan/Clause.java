package com.example.auditspan;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.envers.Audited;

import java.util.ArrayList;
import java.util.List;

@Entity
@Audited
public class Clause {

    @Id
    private Integer id;

    private String wording;

    @ElementCollection
    private List<String> notes = new ArrayList<>();
}
