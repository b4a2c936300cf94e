package dev.keel.agent.alert;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The latest delivery attempts, newest first, for the jobs page; bounded, so a receiver down for days costs nothing. */
public final class DeliveryLog {
    static final int KEPT = 500;

    private final Deque<Delivery> attempts = new ArrayDeque<>();

    public synchronized void add(Delivery delivery) {
        attempts.addFirst(delivery);
        while (attempts.size() > KEPT) {
            attempts.removeLast();
        }
    }

    public synchronized List<Delivery> recent() {
        return new ArrayList<>(attempts);
    }

    /** The attempts that failed, newest first. */
    public synchronized List<Delivery> failures() {
        return attempts.stream().filter(Delivery::failed).toList();
    }
}
