-- expect: cluster
CLUSTER (VERBOSE) shop."Events" USING "Events_created_at_idx";
