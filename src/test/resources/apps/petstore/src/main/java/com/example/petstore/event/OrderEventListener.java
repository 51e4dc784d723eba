package com.example.petstore.event;

import lombok.extern.slf4j.Slf4j;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Slf4j
@Component
class OrderEventListener {

    @EventListener
    void on(OrderEvent event) {
        log.info(event.describe());
    }
}
