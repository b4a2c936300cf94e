package dev.keel.spring.shop;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ItemService {
    private final ItemRepository items;

    public ItemService(ItemRepository items) {
        this.items = items;
    }

    @Transactional(readOnly = true)
    public List<String> names() {
        return items.findAll().stream().map(Item::getName).sorted().toList();
    }

    @Transactional
    public Item add(String name) {
        return items.save(new Item(name));
    }

    /** Whether a read-only transaction ran on a standby: the routing DataSource sends it to a replica. */
    @Transactional(readOnly = true)
    public boolean readOnlyOnStandby() {
        return items.onStandby();
    }

    @Transactional
    public boolean writeOnStandby() {
        return items.onStandby();
    }
}
