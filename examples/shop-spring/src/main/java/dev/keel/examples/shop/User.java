package dev.keel.examples.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of users (V1); only what an order needs to name its buyer. */
@Entity
@Table(name = "users")
public class User {
    @Id
    private Long id;

    private String email;

    private String name;

    protected User() {}

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }
}
