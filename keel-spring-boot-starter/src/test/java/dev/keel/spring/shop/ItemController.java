package dev.keel.spring.shop;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ItemController {
    private final ItemService service;

    public ItemController(ItemService service) {
        this.service = service;
    }

    @GetMapping("/items")
    public List<String> names() {
        return service.names();
    }

    @PostMapping("/items")
    public long add(@RequestBody String name) {
        return service.add(name).getId();
    }
}
