package dev.keel.examples.shop;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ShopService {
    private final ProductRepository products;
    private final UserRepository users;
    private final OrderRepository orders;

    public ShopService(ProductRepository products, UserRepository users, OrderRepository orders) {
        this.products = products;
        this.users = users;
        this.orders = orders;
    }

    /** Read-only: with keel.replicas.* set, Keel's routing DataSource serves it from a replica. */
    @Transactional(readOnly = true)
    public List<ProductView> products() {
        return products.findAllByOrderBySku().stream().map(ProductView::of).toList();
    }

    /**
     * Read-only too; read-your-writes sends it to the primary while no replica has replayed the caller's last
     * write, so an order just placed is found.
     */
    @Transactional(readOnly = true)
    public Optional<OrderView> order(long id) {
        return orders.findById(id).map(OrderView::of);
    }

    @Transactional
    public OrderView place(OrderRequest request) {
        User user = users.findById(request.userId())
                .orElseThrow(() -> new UnknownReferenceException("no user " + request.userId()));
        Order order = new Order(user);
        for (OrderRequest.Line line : request.items()) {
            Product product = products.findBySku(line.sku())
                    .orElseThrow(() -> new UnknownReferenceException("no product " + line.sku()));
            order.add(product, line.quantity());
        }
        return OrderView.of(orders.save(order));
    }
}
