package com.example.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.TrackingModifiedEntitiesRevisionMapping;

/** A custom revision entity that also tracks the entities each revision changed (the table REVCHANGES). */
@Entity
@Table(name = "revinfo")
@RevisionEntity
public class AuditRevision extends TrackingModifiedEntitiesRevisionMapping {

    private String username;
}
