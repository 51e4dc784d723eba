package com.example.shop.support;

/** Column sizes shared by the entities and the validation layer, so both agree on one number. */
public final class Limits {

    public static final int NAME = 120;
    public static final int EMAIL = 254;          // RFC 5321 path limit
    public static final int SKU = 32;
    public static final int SLUG = NAME / 2;
    public static final int COUNTRY_CODE = 2;     // ISO 3166-1 alpha-2
    public static final int POSTAL_CODE = 16;
    public static final int ORDER_NUMBER = 20;
    public static final int TRACKING_NUMBER = 64;

    public static final int MONEY_PRECISION = 12;
    public static final int MONEY_SCALE = 2;

    /** Prefix of every hand-named index, so they sort together in psql's \di. */
    public static final String INDEX_PREFIX = "idx_";

    private Limits() {
    }
}
