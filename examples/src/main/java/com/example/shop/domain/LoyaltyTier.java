package com.example.shop.domain;

/** Stored by ordinal (the JPA default): the order of the tiers is their rank. */
public enum LoyaltyTier {
    BRONZE,
    SILVER,
    GOLD,
    PLATINUM
}
