package com.example.shop.domain;

import com.example.shop.support.BaseEntity;
import com.example.shop.support.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Entity
@Table(indexes = @Index(name = Limits.INDEX_PREFIX + "customer_last_name", columnList = "lastName, firstName"))
public class Customer extends BaseEntity<Long> {

    @Column(nullable = false, unique = true, length = Limits.EMAIL)
    private String email;

    @NotNull
    @Size(max = Limits.NAME)
    private String firstName;

    @NotNull
    @Size(max = Limits.NAME)
    private String lastName;

    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(length = 16, nullable = false)
    private CustomerStatus status = CustomerStatus.ACTIVE;

    private LoyaltyTier loyaltyTier;

    private boolean marketingOptIn;

    private Locale preferredLocale;

    @OneToMany(mappedBy = "customer")
    private List<CustomerAddress> addresses = new ArrayList<>();

    @Transient
    private String displayNameCache;

    protected Customer() {
    }

    public Customer(String email, String firstName, String lastName) {
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public String getDisplayName() {
        if (displayNameCache == null) {
            displayNameCache = firstName + " " + lastName;
        }
        return displayNameCache;
    }
}
