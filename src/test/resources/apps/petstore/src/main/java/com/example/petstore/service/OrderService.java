package com.example.petstore.service;

import com.example.petstore.domain.OrderLine;
import com.example.petstore.domain.OrderStatus;
import com.example.petstore.domain.PurchaseOrder;
import com.example.petstore.dto.CreateOrderRequest;
import com.example.petstore.dto.OrderSummary;
import com.example.petstore.event.OrderEvent;
import com.example.petstore.repository.OwnerRepository;
import com.example.petstore.repository.ProductRepository;
import com.example.petstore.repository.PurchaseOrderRepository;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class OrderService {

    private final PurchaseOrderRepository orders;
    private final OwnerRepository owners;
    private final ProductRepository products;
    private final PricingRules pricing;
    private final ApplicationEventPublisher events;

    @Transactional
    public OrderSummary place(CreateOrderRequest request) {
        PurchaseOrder order = new PurchaseOrder();
        order.setCustomer(owners.require(request.customerId()));
        for (CreateOrderRequest.Line line : request.lines()) {
            var product = products.findBySku(line.sku())
                    .orElseThrow(() -> new IllegalArgumentException("unknown product " + line.sku()));
            OrderLine l = new OrderLine();
            l.setOrder(order);
            l.setProduct(product);
            l.setQuantity(line.quantity());
            order.getLines().add(l);
        }
        order.setTotal(pricing.apply(order.recalculate(), PricingRules.parse(request.couponCode())));
        PurchaseOrder saved = orders.save(order);
        events.publishEvent(new OrderEvent.Placed(saved.getId(), saved.getTotal()));
        return new OrderSummary(saved.getId(), saved.getStatus(), saved.getTotal(), request.itemCount(), saved.getCreatedAt());
    }

    @Transactional
    public void cancel(long id, String reason) {
        PurchaseOrder order = orders.findById(id).orElseThrow();
        if (order.getStatus().isFinal()) {
            throw new IllegalStateException("order " + id + " is " + order.getStatus());
        }
        order.setStatus(OrderStatus.CANCELLED);
        events.publishEvent(new OrderEvent.Cancelled(id, reason));
    }
}
