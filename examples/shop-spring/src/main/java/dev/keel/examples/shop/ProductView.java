package dev.keel.examples.shop;

public record ProductView(String sku, String name, long priceCents) {

    static ProductView of(Product product) {
        return new ProductView(product.getSku(), product.getName(), product.getPriceCents());
    }
}
