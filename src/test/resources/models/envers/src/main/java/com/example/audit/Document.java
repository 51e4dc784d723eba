package com.example.audit;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Min;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/**
 * Audited against the custom revision entity: document_aud's REV is its int id and points at its table. The checks
 * and defaults of the audited columns stay with document; an embedded value's columns follow the embedding field.
 */
@Entity
@Audited
public class Document {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    @Min(1)
    private int pages;

    @ColumnDefault("'draft'")
    private String status;

    @Check(constraints = "version >= 0")
    private Integer version;

    @Embedded
    private Signature signature;

    @Embedded
    @NotAudited
    private Stamp stamp;

    private Kind kind;

    public enum Kind { MEMO, REPORT }
}
