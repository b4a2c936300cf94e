package dev.keel.examples.shop;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ShopController {
    private final ShopService shop;

    public ShopController(ShopService shop) {
        this.shop = shop;
    }

    @GetMapping("/products")
    public List<ProductView> products() {
        return shop.products();
    }

    @PostMapping("/orders")
    public ResponseEntity<OrderView> place(@RequestBody OrderRequest request) {
        OrderView placed = shop.place(request);
        return ResponseEntity.created(URI.create("/orders/" + placed.id())).body(placed);
    }

    @GetMapping("/orders/{id}")
    public ResponseEntity<OrderView> order(@PathVariable("id") long id) {
        return ResponseEntity.of(shop.order(id));
    }
}
