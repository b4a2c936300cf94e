#!/usr/bin/env bash
# bench/wal-stream-sync.sh: what RPO 0 costs the application. pgbench's TPC-B-like writes against
# one cluster, three ways in one run: no synchronous standby (the floor), pg_receivewal --synchronous
# as the synchronous standby (the peer: PostgreSQL's own receiver), and keel wal stream --synchronous.
# Each receiver round runs ROUNDS times, alternating which receiver goes first; the row records the
# medians. Target: keel's throughput at least 0.9 × pg_receivewal's.
#
#   bash bench/wal-stream-sync.sh                       # the real run
#   SECONDS_PER_RUN=5 ROUNDS=1 RECORD=0 bash bench/wal-stream-sync.sh   # smoke test
#
# Both receivers fsync what they receive before they report it and answer at once, so every commit
# waits for one round trip and one fsync on this machine's disk.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/wal-stream"
LOG_DIR="$WORK/logs"
SCALE=${SCALE:-10}
CLIENTS=${CLIENTS:-8}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
ROUNDS=${ROUNDS:-3}
RECORD=${RECORD:-1}

say() { echo "wal-stream-sync: $*" >&2; }
die() { echo "wal-stream-sync: error: $*" >&2; exit 1; }
for v in SCALE CLIENTS SECONDS_PER_RUN ROUNDS; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
RECEIVER_PID=""
stop_receiver() {
    if [[ -n $RECEIVER_PID ]]; then
        kill -TERM "$RECEIVER_PID" 2>/dev/null || true
        wait "$RECEIVER_PID" 2>/dev/null || true
        RECEIVER_PID=""
    fi
}
cleanup() {
    stop_receiver
    bench_cluster_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$WORK/keel-project" "$WORK/receivewal"
say "starting PostgreSQL"
bench_cluster_start "$WORK" "$LOG_DIR" "synchronous_commit=on" "max_wal_senders=4" "max_replication_slots=4"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
KEEL=("$ROOT/keel" --url "$URL" -C "$WORK/keel-project")
"$ROOT/keel" --version >/dev/null    # builds keel outside the timings

say "pgbench -i -s $SCALE"
bench_psql -d postgres -c "CREATE DATABASE bench"
"$PG_BINDIR/pgbench" -i -q -s "$SCALE" -h 127.0.0.1 -p "$PORT" -U postgres bench >"$LOG_DIR/pgbench-init.log" 2>&1 || die "pgbench -i failed"
bench_psql -d postgres -c "SELECT pg_create_physical_replication_slot('receivewal', true)" >/dev/null
"${KEEL[@]}" backup init --repo "file://$WORK/keel-repo" >"$LOG_DIR/keel-init.log" 2>&1 || die "keel backup init failed"
"${KEEL[@]}" wal setup >"$LOG_DIR/keel-setup.log" 2>&1 || { cat "$LOG_DIR/keel-setup.log" >&2; die "keel wal setup failed"; }

synchronous_standby() {
    bench_psql -d postgres -c "ALTER SYSTEM SET synchronous_standby_names = '$1'" -c "SELECT pg_reload_conf()" >/dev/null
}
await_sync() {
    local name=$1 i
    for ((i = 0; i < 600; i++)); do
        [[ $(bench_psql -d postgres -c "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$name' AND sync_state = 'sync'") == 1 ]] && return
        sleep 0.1
    done
    die "$name did not become the synchronous standby"
}
# One pgbench run; prints "tps latency_ms".
run_pgbench() {
    local label=$1 out
    out="$LOG_DIR/pgbench-$label.log"
    "$PG_BINDIR/pgbench" -n -c "$CLIENTS" -j 2 -T "$SECONDS_PER_RUN" -h 127.0.0.1 -p "$PORT" -U postgres bench >"$out" 2>&1 || { cat "$out" >&2; die "pgbench failed"; }
    awk '/^tps = / { tps = $3 } /^latency average = / { lat = $4 } END { printf "%s %s\n", tps, lat }' "$out"
}

# A receiver runs for days; a few seconds of load first, so a JIT compiler's warm-up is not what is measured.
warm_up() {
    "$PG_BINDIR/pgbench" -n -c "$CLIENTS" -j 2 -T 3 -h 127.0.0.1 -p "$PORT" -U postgres bench >/dev/null 2>&1 || die "pgbench warm-up failed"
}
round_floor() {
    synchronous_standby ""
    read -r t l < <(run_pgbench "floor-$1")
    FLOOR_TPS+=("$t"); FLOOR_LAT+=("$l")
}
round_receivewal() {
    synchronous_standby "pg_receivewal"
    "$PG_BINDIR/pg_receivewal" -h 127.0.0.1 -p "$PORT" -U postgres -D "$WORK/receivewal" -S receivewal --synchronous --no-loop \
        >"$LOG_DIR/receivewal-$1.log" 2>&1 &
    RECEIVER_PID=$!
    await_sync pg_receivewal
    warm_up
    read -r t l < <(run_pgbench "receivewal-$1")
    RW_TPS+=("$t"); RW_LAT+=("$l")
    stop_receiver
}
round_keel() {
    synchronous_standby "keel_wal"
    "${KEEL[@]}" wal stream --synchronous --repo "file://$WORK/keel-repo" >"$LOG_DIR/keel-stream-$1.log" 2>&1 &
    RECEIVER_PID=$!
    await_sync keel_wal
    warm_up
    read -r t l < <(run_pgbench "keel-$1")
    KEEL_TPS+=("$t"); KEEL_LAT+=("$l")
    stop_receiver
}

FLOOR_TPS=(); FLOOR_LAT=(); RW_TPS=(); RW_LAT=(); KEEL_TPS=(); KEEL_LAT=()
for ((round = 1; round <= ROUNDS; round++)); do
    say "round $round of $ROUNDS"
    round_floor "$round"
    if ((round % 2 == 1)); then round_receivewal "$round"; round_keel "$round"; else round_keel "$round"; round_receivewal "$round"; fi
done
synchronous_standby ""

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
say "tps: floor ${FLOOR_TPS[*]}; pg_receivewal ${RW_TPS[*]}; keel ${KEEL_TPS[*]}"
F_TPS=$(median "${FLOOR_TPS[@]}"); F_LAT=$(median "${FLOOR_LAT[@]}")
R_TPS=$(median "${RW_TPS[@]}"); R_LAT=$(median "${RW_LAT[@]}")
K_TPS=$(median "${KEEL_TPS[@]}"); K_LAT=$(median "${KEEL_LAT[@]}")
RATIO=$(awk -v k="$K_TPS" -v r="$R_TPS" 'BEGIN { printf "%.2f", k / r }')
MET=$(awk -v x="$RATIO" 'BEGIN { print (x >= 0.9) ? "yes" : "no" }')
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"

echo
echo "wal-stream-sync: pgbench scale $SCALE, $CLIENTS clients, ${SECONDS_PER_RUN} s per run, medians of $ROUNDS rounds"
echo "machine: $machine"
printf '  %-26s %10s %12s\n' "synchronous standby" tps "latency ms"
printf '  %-26s %10s %12s\n' "none (floor)" "$F_TPS" "$F_LAT"
printf '  %-26s %10s %12s\n' "pg_receivewal --synchronous" "$R_TPS" "$R_LAT"
printf '  %-26s %10s %12s\n' "keel wal stream --synchronous" "$K_TPS" "$K_LAT"
echo "  keel/pg_receivewal throughput: $RATIO (target ≥ 0.9); met: $MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## wal-stream-sync" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $SCALE, $CLIENTS clients, ${SECONDS_PER_RUN} s × $ROUNDS | $F_TPS | $R_TPS | $K_TPS | $F_LAT | $R_LAT | $K_LAT | $RATIO | $MET |"
    say "recorded in bench/RESULTS.md"
fi
