package com.example.shop.domain;

import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.OnDelete;
import org.hibernate.annotations.OnDeleteAction;

import static com.example.shop.support.Limits.COUNTRY_CODE;
import static com.example.shop.support.Limits.POSTAL_CODE;

/** A customer's postal address; deleting the customer deletes their addresses. */
@Entity
public class CustomerAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @OnDelete(action = OnDeleteAction.CASCADE)
    private Customer customer;

    @Column(nullable = false, length = Limits.NAME)
    private String line1;

    @Column(length = Limits.NAME)
    private String line2;

    @Column(nullable = false, length = Limits.NAME)
    private String city;

    @Column(length = POSTAL_CODE)
    private String postalCode;

    @Column(nullable = false, length = COUNTRY_CODE)
    private String countryCode;

    private boolean defaultAddress;

    protected CustomerAddress() {
    }
}
