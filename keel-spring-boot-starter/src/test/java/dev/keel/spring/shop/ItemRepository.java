package dev.keel.spring.shop;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ItemRepository extends JpaRepository<Item, Long> {

    /** Where a query ran: true on a standby. */
    @Query(value = "SELECT pg_is_in_recovery()", nativeQuery = true)
    boolean onStandby();
}
