package com.example.arrays;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** preferred_array_jdbc_type=JSON: every basic array and collection is jsonb. */
@Entity
public class Sheet {
    @Id
    private Long id;
    private String[] tags;
    private int[] scores;
    private Long[] counts;
    private LocalDate[] days;
    private List<String> labels;
    private Set<Integer> codes;
    /** Hibernate 7 keeps the array the annotation asks for; 6.6 takes the preferred type here too */
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> explicitArray;
    /** a collection table of varchar(255), as without the setting */
    @ElementCollection
    private List<String> notes;
}
