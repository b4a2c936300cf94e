package dev.keel.spring.shop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts {@link ShopApplication} on a test database, as a product would start on its own. */
public final class Shop {

    private Shop() {}

    /** The shop with its web server on a free port; {@code more} adds or replaces properties. */
    public static ConfigurableApplicationContext start(String jdbcUrl, Map<String, Object> more) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.hikari.maximum-pool-size", "4");
        // validate fails the start unless Keel migrated before Hibernate built its model.
        properties.put("spring.jpa.hibernate.ddl-auto", "validate");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("server.port", "0");
        properties.put("management.endpoints.web.exposure.include", "health,keel,metrics");
        properties.put("management.endpoint.health.show-details", "always");
        properties.put("spring.main.banner-mode", "off");
        properties.putAll(more);
        return new SpringApplicationBuilder(ShopApplication.class)
                .properties(properties)
                .run();
    }
}
