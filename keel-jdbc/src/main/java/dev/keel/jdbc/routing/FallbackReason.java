package dev.keel.jdbc.routing;

/** Why a read went to the primary; the {@code reason} tag of {@code keel_routing_fallbacks_total}. */
public enum FallbackReason {
    /** Every usable replica is still behind the key's last write. */
    NOT_CAUGHT_UP("not_caught_up"),
    /** Every replica that is up lags more than the ceiling. */
    LAGGING("lagging"),
    /** No replica is up: never reached yet, or ejected after a failure and not yet back. */
    REPLICA_DOWN("replica_down"),
    /** The router has no replica configured. */
    NO_REPLICA("no_replica"),
    /** The write positions could not be read (a shared positions table that failed): the safe side. */
    POSITIONS_UNAVAILABLE("positions_unavailable");

    private final String tag;

    FallbackReason(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
