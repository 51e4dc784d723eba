package com.example.petstore.service;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Discounts, as a closed set of cases: Java 17's sealed interfaces, records and switch expressions. */
@Component
public class PricingRules {

    public sealed interface Discount permits Percentage, FixedAmount, NoDiscount {
    }

    public record Percentage(int percent) implements Discount {
        public Percentage {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("percent out of range: " + percent);
            }
        }
    }

    public record FixedAmount(BigDecimal amount) implements Discount {
    }

    public static final class NoDiscount implements Discount {
        public static final NoDiscount INSTANCE = new NoDiscount();

        private NoDiscount() {
        }
    }

    private static final String HELP = """
            Coupons look like PCT-10 (ten percent off) or EUR-5 (five off the total).
            Anything else is ignored.
            """;

    public static Discount parse(String coupon) {
        if (coupon == null || coupon.isBlank()) {
            return NoDiscount.INSTANCE;
        }
        String[] parts = coupon.strip().toUpperCase().split("-", 2);
        return switch (parts[0]) {
            case "PCT" -> new Percentage(Integer.parseInt(parts[1]));
            case "EUR" -> new FixedAmount(new BigDecimal(parts[1]));
            default -> NoDiscount.INSTANCE;
        };
    }

    public BigDecimal apply(BigDecimal total, Discount discount) {
        BigDecimal result;
        if (discount instanceof Percentage p) {
            result = total.multiply(BigDecimal.valueOf(100 - p.percent())).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        } else if (discount instanceof FixedAmount f) {
            result = total.subtract(f.amount()).max(BigDecimal.ZERO);
        } else {
            result = total;
        }
        return result;
    }

    public String help() {
        return HELP;
    }
}
