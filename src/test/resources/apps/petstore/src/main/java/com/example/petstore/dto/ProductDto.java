package com.example.petstore.dto;

import java.math.BigDecimal;

public record ProductDto(String sku, String title, BigDecimal price, int stock) {

    public boolean inStock() {
        return stock > 0;
    }
}
