package org.clearframe.model;

import java.util.Objects;
import java.util.UUID;

/**
 * How to reach a person the producer asks to sign: a cast member, or a department's head ({@code ownerId} is the cast
 * row's or the department's id). Free text as the producer typed it; nothing is sent from here.
 */
public record Contact(UUID ownerId, String email, String phone) {

    public Contact {
        Objects.requireNonNull(ownerId, "ownerId");
        email = Text.orEmpty(email).strip();
        phone = Text.orEmpty(phone).strip();
    }

    public boolean isEmpty() {
        return email.isEmpty() && phone.isEmpty();
    }
}
