package dev.keel.examples.shop;

import java.util.List;

/** The body of POST /orders: who buys, and how many of which product. */
public record OrderRequest(long userId, List<Line> items) {

    public record Line(String sku, int quantity) {}
}
