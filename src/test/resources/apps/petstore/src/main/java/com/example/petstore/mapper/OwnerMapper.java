package com.example.petstore.mapper;

import com.example.petstore.domain.Owner;
import com.example.petstore.domain.Pet;
import com.example.petstore.dto.OwnerDto;
import com.example.petstore.dto.PetDto;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

import java.util.List;

/** MapStruct writes the implementation (OwnerMapperImpl) under target/generated-sources. */
@Mapper(componentModel = "spring")
public interface OwnerMapper {

    OwnerDto toDto(Owner owner);

    @Mapping(target = "pets", ignore = true)
    @Mapping(target = "address", ignore = true)
    Owner toEntity(OwnerDto dto);

    PetDto toDto(Pet pet);

    List<PetDto> toPetDtos(List<Pet> pets);
}
