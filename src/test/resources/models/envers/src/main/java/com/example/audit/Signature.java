package com.example.audit;

import jakarta.persistence.Embeddable;

@Embeddable
public class Signature {

    private String signedBy;

    private String place;
}
