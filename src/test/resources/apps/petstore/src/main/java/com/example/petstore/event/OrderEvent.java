package com.example.petstore.event;

import java.math.BigDecimal;

/** What happens to an order, for listeners elsewhere in the application. */
public sealed interface OrderEvent permits OrderEvent.Placed, OrderEvent.Cancelled {

    long orderId();

    record Placed(long orderId, BigDecimal total) implements OrderEvent {
    }

    record Cancelled(long orderId, String reason) implements OrderEvent {
    }

    default String describe() {
        if (this instanceof Placed p) {
            return "order " + p.orderId() + " placed for " + p.total();
        }
        return "order " + orderId() + " cancelled";
    }
}
