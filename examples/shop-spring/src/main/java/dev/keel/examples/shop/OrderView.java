package dev.keel.examples.shop;

import java.time.Instant;
import java.util.List;

public record OrderView(long id, String user, String status, Instant createdAt, List<Line> items, long totalCents) {

    public record Line(String sku, int quantity, long priceCents) {}

    /** Reads the lazy lines and products: call it inside the transaction that loaded the order. */
    static OrderView of(Order order) {
        List<Line> lines = order.getItems().stream()
                .map(item -> new Line(item.getProduct().getSku(), item.getQuantity(), item.getPriceCents()))
                .toList();
        return new OrderView(
                order.getId(),
                order.getUser().getEmail(),
                order.getStatus(),
                order.getCreatedAt(),
                lines,
                order.totalCents());
    }
}
