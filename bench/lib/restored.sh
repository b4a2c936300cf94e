# bench/lib/restored.sh: clusters a backup tool restored, started and queried as an application would;
# sourced after lib/cluster.sh, whose PG_BINDIR and PSQL it uses.
#
#   source "$BENCH_DIR/lib/restored.sh"
#   bench_restored_track "$DIR"                       # stopped by bench_restored_stop_all if still running
#   bench_restored_start "$DIR" "$PORT" "$LOG_DIR"    # returns once it accepts a query in database bench
#   bench_restored_wait "$PORT"                       # waits until a cluster on PORT accepts that query
#   bench_restored_query "$PORT" "SQL"                # one value from database bench
#   bench_restored_stop "$DIR"
#   bench_restored_stop_all                           # from the caller's EXIT trap
#
# A restored cluster listens on 127.0.0.1 only, with no Unix socket and no archiving, so it cannot write into
# the repository it came from.

BENCH_RESTORED=()

bench_restored_track() { BENCH_RESTORED+=("$1"); }

# A restored cluster must start, reach consistency and accept a query; returns when it does.
bench_restored_start() {
    local dir=$1 port=$2 logs=$3
    bench_as_pg "$PG_BINDIR/pg_ctl" -D "$dir" -l "$logs/restored-$port.log" -w -t 600 \
        -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c archive_mode=off" start >/dev/null \
        || { tail -20 "$logs/restored-$port.log" >&2; echo "bench: error: the restored cluster in $dir did not start" >&2; return 1; }
    bench_restored_wait "$port"
}

bench_restored_wait() {
    local deadline=$((SECONDS + ${BENCH_RESTORED_WAIT_S:-900}))
    until "$PSQL" -X -q -A -t -h 127.0.0.1 -p "$1" -U postgres -d bench -c "SELECT 1" >/dev/null 2>&1; do
        if ((SECONDS >= deadline)); then
            echo "bench: error: the restored cluster on port $1 did not answer within ${BENCH_RESTORED_WAIT_S:-900} s" >&2
            return 1
        fi
        sleep 0.05
    done
}

bench_restored_query() {
    "$PSQL" -X -q -A -t -h 127.0.0.1 -p "$1" -U postgres -d bench -c "$2"
}

bench_restored_stop() { bench_as_pg "$PG_BINDIR/pg_ctl" -D "$1" -m fast -w stop >/dev/null; }

bench_restored_stop_all() {
    local d
    for d in "${BENCH_RESTORED[@]}"; do
        [[ -f $d/postmaster.pid ]] && bench_as_pg "$PG_BINDIR/pg_ctl" -D "$d" -m immediate -w stop >/dev/null 2>&1
    done
    return 0
}
