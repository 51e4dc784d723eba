package com.example.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

/** Property access: @Id on a getter makes the getters the attributes, whatever the fields are called. */
@Entity
public class Account {

    private Long key;
    private String holder;
    private boolean active;
    private String link;
    private int cachedScore;

    @Id
    @GeneratedValue
    public Long getId() { return key; }
    public void setId(Long id) { this.key = id; }

    @Column(length = 80, nullable = false)
    public String getHolderName() { return holder; }
    public void setHolderName(String name) { this.holder = name; }

    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }

    public String getURL() { return link; }
    public void setURL(String url) { this.link = url; }

    @Transient
    public int getScore() { return cachedScore; }
}
