package com.example.saas;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.TableGenerator;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.SoftDeleteType;

/** Soft delete kept as an active flag; ids from a named table generator with its own table and columns. */
@Entity
@SoftDelete(strategy = SoftDeleteType.ACTIVE)
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "memberIds")
    @TableGenerator(name = "memberIds", table = "id_blocks", pkColumnName = "block", valueColumnName = "next_id",
            pkColumnValue = "member", allocationSize = 20, initialValue = 100)
    private Long id;

    @ManyToOne
    private Workspace workspace;

    private String email;
}
