package com.example.petstore.web;

import com.example.petstore.domain.Product;
import com.example.petstore.dto.ProductDto;
import com.example.petstore.repository.ProductRepository;
import com.example.petstore.service.InventoryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

@RestController
@RequestMapping(path = ProductController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
public class ProductController {

    static final String PATH = "/api/products";

    private final ProductRepository products;
    private final InventoryService inventory;

    public ProductController(ProductRepository products, InventoryService inventory) {
        this.products = products;
        this.inventory = inventory;
    }

    @GetMapping("/{sku}")
    public ProductDto bySku(@PathVariable String sku) {
        return products.findBySku(sku).map(ProductController::dto)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no product " + sku));
    }

    @GetMapping("/low-stock")
    public List<ProductDto> lowStock() {
        return inventory.lowStock().stream().map(ProductController::dto).toList();
    }

    private static ProductDto dto(Product p) {
        return new ProductDto(p.getSku(), p.getTitle(), p.getPrice(), p.getStock());
    }
}
