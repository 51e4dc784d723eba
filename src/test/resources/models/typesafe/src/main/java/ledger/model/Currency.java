package ledger.model;

/** Deliberately clashes with java.util.Currency by simple name. */
public enum Currency { EUR, USD, CHF }
