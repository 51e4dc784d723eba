package com.example.petstore.service;

import com.example.petstore.domain.Owner;
import com.example.petstore.dto.OwnerDto;
import com.example.petstore.mapper.OwnerMapper;
import com.example.petstore.repository.OwnerRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

@Slf4j
@Service
@RequiredArgsConstructor
@Transactional(readOnly = true)
public class OwnerService {

    private final OwnerRepository owners;
    private final OwnerMapper mapper;

    public List<OwnerDto> search(String prefix) {
        var found = prefix == null || prefix.isBlank() ? owners.findAll() : owners.findByLastNamePrefix(prefix.strip());
        return found.stream().map(mapper::toDto).toList();
    }

    @Transactional
    public OwnerDto register(OwnerDto dto) {
        owners.findByEmailIgnoreCase(dto.email()).ifPresent(existing -> {
            throw new IllegalStateException("an owner with e-mail " + dto.email() + " exists already");
        });
        Owner saved = owners.save(mapper.toEntity(dto));
        log.info("registered owner {} ({})", saved.getId(), saved.fullName());
        return mapper.toDto(saved);
    }
}
