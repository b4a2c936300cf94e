package dev.keel.examples.shop;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A row of orders (V3) with its lines from order_items (V4). */
@Entity
@Table(name = "orders")
public class Order {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    private String status;

    private Instant createdAt;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    private List<OrderItem> items = new ArrayList<>();

    protected Order() {}

    public Order(User user) {
        this.user = user;
        this.status = "new";
        this.createdAt = Instant.now();
    }

    /** Copies the product's current price into the line: a later price change leaves this order alone. */
    public void add(Product product, int quantity) {
        items.add(new OrderItem(this, product, quantity, product.getPriceCents()));
    }

    public long totalCents() {
        return items.stream()
                .mapToLong(item -> item.getQuantity() * item.getPriceCents())
                .sum();
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<OrderItem> getItems() {
        return items;
    }
}
