package dev.keel.examples.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of products (V2); the shop only reads them, V5 seeds them. */
@Entity
@Table(name = "products")
public class Product {
    @Id
    private Long id;

    private String sku;

    private String name;

    private long priceCents;

    protected Product() {}

    public Long getId() {
        return id;
    }

    public String getSku() {
        return sku;
    }

    public String getName() {
        return name;
    }

    public long getPriceCents() {
        return priceCents;
    }
}
