package com.example.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.envers.DefaultTrackingModifiedEntitiesRevisionEntity;
import org.hibernate.envers.RevisionEntity;

/**
 * The custom revision entity as an application on Envers 6 writes it: Envers 6 has no
 * TrackingModifiedEntitiesRevisionMapping, its DefaultTrackingModifiedEntitiesRevisionEntity is the mapped superclass
 * with the same columns (revision number, timestamp, the table REVCHANGES).
 */
@Entity
@Table(name = "revinfo")
@RevisionEntity
public class AuditRevision extends DefaultTrackingModifiedEntitiesRevisionEntity {

    private String username;
}
