package com.example.petstore.web;

import com.example.petstore.domain.Visit;
import com.example.petstore.dto.VisitDto;
import com.example.petstore.service.VisitService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/visits")
public class VisitController {

    private final VisitService visits;

    VisitController(VisitService visits) {
        this.visits = visits;
    }

    @PostMapping
    public VisitDto book(@RequestBody VisitDto request) {
        Visit v = visits.book(request.petId(), request.vetId(), request.scheduledAt());
        return new VisitDto(v.getId(), v.getPet().getId(), v.getVet().getId(), v.getScheduledAt(), v.getDescription(),
                v.getStatus().name());
    }
}
