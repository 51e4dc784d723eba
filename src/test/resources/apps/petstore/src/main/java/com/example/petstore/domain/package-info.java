/**
 * The pet store's persistent model. Every entity lives here; the web layer only sees DTOs.
 */
@NonNullApi
@NonNullFields
package com.example.petstore.domain;

import org.springframework.lang.NonNullApi;
import org.springframework.lang.NonNullFields;
