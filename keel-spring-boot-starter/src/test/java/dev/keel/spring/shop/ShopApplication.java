package dev.keel.spring.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small product on the starter: JPA over migrated tables, a web endpoint, the actuator. */
@SpringBootApplication
public class ShopApplication {}
