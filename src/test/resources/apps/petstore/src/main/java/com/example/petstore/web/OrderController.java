package com.example.petstore.web;

import com.example.petstore.dto.CreateOrderRequest;
import com.example.petstore.dto.OrderSummary;
import com.example.petstore.service.OrderService;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;

@RestController
@RequestMapping("/api/orders")
@RequiredArgsConstructor
public class OrderController {

    private final OrderService orders;

    @PostMapping
    public ResponseEntity<OrderSummary> place(@Valid @RequestBody CreateOrderRequest request) {
        OrderSummary summary = orders.place(request);
        return ResponseEntity.created(URI.create("/api/orders/" + summary.id())).body(summary);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> cancel(@PathVariable long id, @RequestParam(defaultValue = "customer request") String reason) {
        orders.cancel(id, reason);
        return ResponseEntity.noContent().build();
    }
}
