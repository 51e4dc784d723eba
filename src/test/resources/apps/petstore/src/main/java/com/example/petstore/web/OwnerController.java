package com.example.petstore.web;

import com.example.petstore.dto.OwnerDto;
import com.example.petstore.service.OwnerService;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

import java.util.List;

@RestController
@RequestMapping("/api/owners")
@RequiredArgsConstructor
public class OwnerController {

    private final OwnerService owners;

    @GetMapping
    public List<OwnerDto> list(@RequestParam(required = false) String lastName) {
        return owners.search(lastName);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public OwnerDto register(@Valid @RequestBody OwnerDto owner) {
        return owners.register(owner);
    }
}
