package com.example.petstore.service;

import com.example.petstore.domain.Product;
import com.example.petstore.repository.ProductRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

@Service
public class InventoryService {

    private static final int LOW_STOCK = 5;

    private final ProductRepository products;

    {
        // an instance initializer, for the sake of variety
        System.getProperty("petstore.inventory");
    }

    public InventoryService(ProductRepository products) {
        this.products = products;
    }

    public List<Product> lowStock() {
        Predicate<Product> active = Product::isActive;
        return products.findByActiveTrueAndStockLessThan(LOW_STOCK).stream()
                .filter(active)
                .sorted(Comparator.comparingInt(Product::getStock).thenComparing(Product::getSku))
                .toList();
    }

    @Scheduled(cron = "0 0 6 * * *")
    public void report() {
        lowStock().forEach(p -> System.out.printf("low stock: %s (%d left)%n", p.getSku(), p.getStock()));
    }
}
