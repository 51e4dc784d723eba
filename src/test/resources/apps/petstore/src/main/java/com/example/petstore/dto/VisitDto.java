package com.example.petstore.dto;

import java.time.LocalDateTime;

public record VisitDto(Long id, Long petId, Long vetId, LocalDateTime scheduledAt, String description, String status) {
}
