package com.example.petstore.dto;

import com.example.petstore.domain.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;

public record OrderSummary(Long id, OrderStatus status, BigDecimal total, int items, Instant placedAt) {
}
