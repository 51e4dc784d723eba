package com.example.generatorschema;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.TableGenerator;

/** A generator table in another schema: Hibernate creates it there, outside the schema migrate-watch manages. */
@Entity
@TableGenerator(name = "voucher_ids", table = "voucher_blocks", schema = "ids")
public class Voucher {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "voucher_ids")
    private Long id;

    private String code;
}
