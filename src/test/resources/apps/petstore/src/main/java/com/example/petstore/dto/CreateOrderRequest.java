package com.example.petstore.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** What a client sends to place an order. */
public record CreateOrderRequest(@NotNull Long customerId, @NotEmpty @Valid List<Line> lines, String couponCode) {

    public record Line(@NotNull String sku, @Min(1) int quantity) {
    }

    public int itemCount() {
        return lines.stream().mapToInt(Line::quantity).sum();
    }
}
