package com.example.petstore.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** petstore.* settings, bound by Spring Boot. */
@ConfigurationProperties(prefix = "petstore")
public record StoreProperties(@DefaultValue("Pet Store") String name,
                              @DefaultValue("30m") Duration reservationHold,
                              Mail mail) {

    public record Mail(String from, boolean enabled) {
    }
}
