#!/usr/bin/env bash
# Sourced by bench/change-live.sh and bench/partition-convert.sh: the cluster, the pgbench database at SCALE,
# the application's load (CLIENTS pgbench clients, a point SELECT and a point UPDATE by random aid in equal
# shares) and the reading of its per-transaction log. The caller sets BENCH_DIR, WORK, LOG_DIR, SCALE,
# CLIENTS, and defines say and die, before sourcing it.
# shellcheck source=cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
LOAD_PID=""
cleanup() {
    [[ -n $LOAD_PID ]] && kill -TERM "$LOAD_PID" 2>/dev/null
    bench_cluster_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$WORK/project/db/migrations"
say "starting PostgreSQL"
bench_cluster_start "$WORK" "$LOG_DIR"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
[[ -x $PG_BINDIR/pgbench ]] || die "$PG_BINDIR/pgbench not found (set PG_BINDIR)"

say "pgbench -i -s $SCALE"
bench_psql -d postgres -c "CREATE DATABASE bench"
"$PG_BINDIR/pgbench" -i -q -s "$SCALE" -h 127.0.0.1 -p "$PORT" -U postgres bench >"$LOG_DIR/pgbench-init.log" 2>&1 \
    || { cat "$LOG_DIR/pgbench-init.log" >&2; die "pgbench -i failed"; }
ROWS=$(bench_psql -d bench -c "SELECT count(*) FROM pgbench_accounts")
DB_SIZE=$(bench_psql -d postgres -c "SELECT pg_size_pretty(pg_database_size('bench'))")

# The application: one statement per transaction, a point read or a point write of a random account.
# pgbench's simple protocol, so no prepared plan outlives a change of the table (a column's type, the
# table swapped under its name).
cat >"$WORK/select.sql" <<SQL
\set aid random(1, $ROWS)
SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
SQL
cat >"$WORK/update.sql" <<SQL
\set aid random(1, $ROWS)
UPDATE pgbench_accounts SET abalance = abalance + 1 WHERE aid = :aid;
SQL

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# Starts the load in the background; its per-transaction log goes to $1/tx.*. pgbench ends a -T run
# cleanly on SIGALRM (its own timer's signal), so the run is long and stop_load sends that signal.
start_load() {
    local dir=$1
    mkdir -p "$dir"
    "$PG_BINDIR/pgbench" -n -c "$CLIENTS" -j 2 -T 86400 -f "$WORK/select.sql@1" -f "$WORK/update.sql@1" \
        -l --log-prefix="$dir/tx" -h 127.0.0.1 -p "$PORT" -U postgres bench >"$dir/pgbench.out" 2>"$dir/pgbench.err" &
    LOAD_PID=$!
}
stop_load() {
    local tries
    kill -ALRM "$LOAD_PID" 2>/dev/null || true
    for ((tries = 0; tries < 300; tries++)); do
        kill -0 "$LOAD_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$LOAD_PID" 2>/dev/null; then
        kill -TERM "$LOAD_PID" 2>/dev/null || true
        die "pgbench did not end within 30 s of SIGALRM"
    fi
    wait "$LOAD_PID" || true
    LOAD_PID=""
}

# Reads one case's transaction log. Arguments: dir, load start, change start (T0), end of the part that
# backfills (TM; T1 for a naive change), change end (T1), load end. Prints shell assignments (STALL_AT
# in seconds from T0).
analyze() {
    local dir=$1 ls=$2 t0=$3 tm=$4 t1=$5 le=$6 aborted
    aborted=$(grep -c "aborted" "$dir/pgbench.err" || true)
    # Columns of pgbench's log: client, transaction, latency µs (or "failed"), script, epoch s, µs.
    cat "$dir"/tx.* | awk -v ls="$ls" -v t0="$t0" -v tm="$tm" -v t1="$t1" -v le="$le" -v lat_out="$dir/latencies" '
        {
            t = $5 + $6 / 1e6
            if (t < ls + 1 || t > le) next          # the first second is connecting
            ok = ($3 ~ /^[0-9]+$/)
            lat = ok ? $3 / 1e6 : 0
            if (!ok) failed++
            if (($1 in last) && t - last[$1] > stall) { stall = t - last[$1]; stall_at = last[$1] - t0 }
            last[$1] = t
            if (lat > max) max = lat
            start = t - lat
            if (t < t0) { before++; phase = "before" }
            else if (start <= t1) { phase = "during"; if (t < t1) during++; if (t < tm) backfill++ }
            else { after++; phase = "after" }
            if (ok) print phase, lat > lat_out
            if (t >= t0 && t < t1) win[int(t - t0)]++
        }
        END {
            full = int(t1 - t0)
            minwin = -1
            for (k = 0; k < full; k++) if (minwin < 0 || win[k] + 0 < minwin) minwin = win[k] + 0
            printf "TPS_BEFORE=%.0f\n", before / (t0 - ls - 1)
            printf "TPS_DURING=%.0f\n", (t1 > t0) ? during / (t1 - t0) : 0
            printf "TPS_BACKFILL=%.0f\n", (tm > t0) ? backfill / (tm - t0) : 0
            printf "TPS_AFTER=%.0f\n", after / (le - t1)
            printf "TPS_MIN_WINDOW=%s\n", (minwin < 0) ? "n/a" : minwin
            printf "MAX_MS=%.1f\n", max * 1000
            printf "STALL_S=%.2f\n", stall
            printf "STALL_AT=%.1f\n", stall_at
            printf "FAILED_LOG=%d\n", failed
        }'
    # The 99th percentile of the transactions that overlapped the change (nearest rank).
    awk '$1 == "during" { print $2 }' "$dir/latencies" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "P99_MS=n/a"; exit }
        r = int(NR * 0.99); if (r < NR * 0.99) r++; if (r < 1) r = 1
        printf "P99_MS=%.1f\n", v[r] * 1000 }'
    echo "ABORTED=$aborted"
}
