package dev.keel.spring.shop;

import dev.keel.spring.replicas.KeelConsistencyKey;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A small product on the starter: JPA over migrated tables, a web endpoint, the actuator. */
@SpringBootApplication
public class ShopApplication {

    /** Read-your-writes per user across requests: the user comes in a header, as an authenticated name would. */
    @Bean
    KeelConsistencyKey userKey() {
        return () -> RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getHeader("X-User")
                : null;
    }
}
