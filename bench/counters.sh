#!/usr/bin/env bash
# bench/counters.sh: insert throughput with a keel counter (create_counter) against no counter and against the
# naive counter (a counts table that a row trigger updates: one hot row), 4 pgbench clients inserting into
# orders, every row for the same user_id, in one run on one cluster and one table. One load runs throughout;
# the cases take turns in windows of CASE_S seconds (ROUNDS rounds, each case once per round, in a rotating
# order) by switching which insert trigger is enabled, so drift of the machine or the table over the run falls
# on every case alike. keel up runs with only its compactCounters job scheduled (COMPACT_EVERY). After the
# load: the latency of a one-group read of the counter's view, before and after a compaction, then a repair
# (the counter missed the rows of the other cases' windows) and a check that the counter equals count(*) and
# sum() of the table. Appends a row to bench/RESULTS.md.
#
#   flock -o /work/.mvn.lock bash bench/counters.sh                 # the real run, about 4 minutes
#   CASE_S=3 ROUNDS=2 WARMUP_S=2 RECORD=0 bash bench/counters.sh     # smoke test
#
# Targets (issue 13): keel counter ≥ 0.9 × no counter; a one-group read under 1 ms.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/counters"
LOG_DIR="$WORK/logs"
CLIENTS=${CLIENTS:-4}
CASE_S=${CASE_S:-10}
ROUNDS=${ROUNDS:-7}
WARMUP_S=${WARMUP_S:-10}
READ_S=${READ_S:-5}
COMPACT_EVERY=${COMPACT_EVERY:-10s}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}

say() { echo "counters: $*" >&2; }
die() { echo "counters: error: $*" >&2; exit 1; }
for v in CLIENTS CASE_S ROUNDS WARMUP_S READ_S; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done
command -v curl >/dev/null || die "curl is needed"

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
AGENT_PID=""
cleanup() {
    stop_process "$AGENT_PID"
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
bench_psql -d postgres -c "CREATE DATABASE bench"

# The application's table: 100,000 orders of 1,000 users before the run, then every insert for user 1.
bench_psql -d bench -c "CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL,
        amount integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())" \
    -c "CREATE INDEX orders_user_id ON orders (user_id)" \
    -c "INSERT INTO orders (user_id, amount) SELECT 1 + g % 1000, 1 + g % 997 FROM generate_series(1, 100000) g" \
    -c "VACUUM ANALYZE orders" >/dev/null
cat >"$WORK/insert.sql" <<'SQL'
\set amount random(1, 1000)
INSERT INTO orders (user_id, amount) VALUES (1, :amount);
SQL

pgbench_run() {   # seconds, script, log name, clients → prints tps
    "$PG_BINDIR/pgbench" -n -M prepared -c "$4" -j "$(( $4 < 2 ? 1 : 2 ))" -T "$1" -f "$2" -r \
        -h 127.0.0.1 -p "$PORT" -U postgres bench >"$LOG_DIR/$3.log" 2>&1 \
        || { cat "$LOG_DIR/$3.log" >&2; die "pgbench ($3) failed"; }
    awk '/^tps = / { printf "%.0f", $3 }' "$LOG_DIR/$3.log"
}

say "warm-up: ${WARMUP_S} s of inserts"
pgbench_run "$WARMUP_S" "$WORK/insert.sql" warmup "$CLIENTS" >/dev/null

say "the naive counter: a row trigger updating one row per user"
bench_psql -d bench -c "CREATE TABLE order_counts (user_id bigint PRIMARY KEY, count bigint NOT NULL, sum bigint NOT NULL)" \
    -c "INSERT INTO order_counts SELECT user_id, count(*), sum(amount) FROM orders GROUP BY user_id" \
    -c "CREATE FUNCTION count_order() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN
            INSERT INTO order_counts VALUES (NEW.user_id, 1, NEW.amount) ON CONFLICT (user_id)
                DO UPDATE SET count = order_counts.count + 1, sum = order_counts.sum + EXCLUDED.sum;
            RETURN NULL; END \$\$" \
    -c "CREATE TRIGGER count_order AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION count_order()" \
    -c "ALTER TABLE orders DISABLE TRIGGER count_order" >/dev/null

say "keel's counter, created by keel migrate --complete; keel up compacting every $COMPACT_EVERY"
"$KEEL_BIN" --version >/dev/null    # builds keel and its start-up archive outside the timings
cat >"$WORK/project/db/migrations/V1__orders_per_user.yaml" <<'YAML'
operations:
  - create_counter: {name: orders_per_user, table: orders, group_by: [user_id], sum: amount}
YAML
AGENT_PORT=$(bench_pick_port)
# Only the compaction job: the agent as a team runs it beside a counter, with the other jobs out of the figure.
cat >"$WORK/project/keel.yaml" <<YAML
agent:
  listen: 127.0.0.1:$AGENT_PORT
schedule:
  compactCounters: $COMPACT_EVERY
  snapshot: "off"
  doctor: "off"
  refreshProjections: "off"
  partitionMaintenance: "off"
YAML
KEEL=("$KEEL_BIN" -C "$WORK/project" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres")
"${KEEL[@]}" migrate --complete >"$LOG_DIR/keel-migrate.log" 2>&1 || { cat "$LOG_DIR/keel-migrate.log" >&2; die "keel migrate failed"; }
KEEL_TRIGGER=orders_per_user_count_insert
TRIGGERS=$(bench_psql -d bench -c "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'orders'::regclass AND tgname = '$KEEL_TRIGGER'")
[[ $TRIGGERS == 1 ]] || die "keel's insert trigger $KEEL_TRIGGER is not on orders"
"${KEEL[@]}" up >"$LOG_DIR/keel-up.log" 2>&1 &
AGENT_PID=$!
deadline=$((SECONDS + 120))
until curl -sf -o /dev/null "http://127.0.0.1:$AGENT_PORT/metrics"; do
    ((SECONDS < deadline)) || die "keel up did not answer within 120 s (see $LOG_DIR/keel-up.log)"
    kill -0 "$AGENT_PID" 2>/dev/null || { cat "$LOG_DIR/keel-up.log" >&2; die "keel up exited"; }
    sleep 0.5
done

# One insert trigger on at a time (none, the naive one, keel's), switched under one load. ALTER TABLE … TRIGGER
# waits for the inserts in flight and holds the next ones for a moment: the first second of a window is left out.
set_case() {
    case $1 in
        none) bench_psql -d bench -c "ALTER TABLE orders DISABLE TRIGGER count_order, DISABLE TRIGGER $KEEL_TRIGGER" ;;
        naive) bench_psql -d bench -c "ALTER TABLE orders ENABLE TRIGGER count_order, DISABLE TRIGGER $KEEL_TRIGGER" ;;
        keel) bench_psql -d bench -c "ALTER TABLE orders DISABLE TRIGGER count_order, ENABLE TRIGGER $KEEL_TRIGGER" ;;
    esac >/dev/null
}
deltas() { bench_psql -d bench -c "SELECT count(*) FROM orders_per_user_stripes WHERE user_id = 1 AND keel_slot <> 0"; }
set_case none
# pgbench ends on SIGALRM, its own timer's signal; its per-second log gives each window's inserts.
"$PG_BINDIR/pgbench" -n -M prepared -c "$CLIENTS" -j "$(( CLIENTS < 2 ? 1 : 2 ))" -T 86400 -f "$WORK/insert.sql" \
    -l --aggregate-interval=1 --log-prefix="$WORK/load" -h 127.0.0.1 -p "$PORT" -U postgres bench \
    >"$LOG_DIR/load.log" 2>&1 &
LOAD_PID=$!
sleep 1
: >"$WORK/windows"
: >"$WORK/deltas.samples"
ORDERS=(none naive keel)
for ((round = 0; round < ROUNDS; round++)); do
    for ((i = 0; i < 3; i++)); do
        CASE=${ORDERS[(round + i) % 3]}    # each case in each position in turn, so no case always follows another
        set_case "$CASE"
        t0=$(date +%s)
        sleep "$CASE_S"
        [[ $CASE == keel ]] && deltas >>"$WORK/deltas.samples"
        echo "$round $CASE $t0 $(date +%s)" >>"$WORK/windows"
    done
    kill -0 "$LOAD_PID" 2>/dev/null || { cat "$LOG_DIR/load.log" >&2; die "pgbench stopped"; }
done
# The load ends with keel's trigger on, so the reads below meet the deltas a running counter holds.
set_case keel
sleep "$CASE_S"
kill -ALRM "$LOAD_PID"
wait "$LOAD_PID" || { cat "$LOG_DIR/load.log" >&2; die "pgbench failed"; }
grep -q "number of failed transactions: 0 " "$LOG_DIR/load.log" \
    || ! grep -q "number of failed transactions" "$LOG_DIR/load.log" || die "pgbench had failed transactions"
kill -TERM "$AGENT_PID" 2>/dev/null
wait "$AGENT_PID" 2>/dev/null || true
AGENT_PID=""
cat "$WORK"/load.* | sort -n >"$WORK/load.seconds"
# Per window: inserts/s over its full seconds after the first.
while read -r round case t0 t1; do
    awk -v r="$round" -v c="$case" -v a=$((t0 + 1)) -v b="$t1" '$1 >= a && $1 < b { n += $2; s++ }
        END { if (s == 0) exit 1; printf "%s %s %.0f\n", r, c, n / s }' "$WORK/load.seconds" \
        || die "no full second of load in window $round $case"
done <"$WORK/windows" >"$WORK/window.tps"
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%s", v[(NR + 1) / 2]; else printf "%.2f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
case_median() { awk -v c="$1" '$2 == c { print $3 }' "$WORK/window.tps" | median | awk '{ printf "%.0f", $1 }'; }
ratio_median() {   # the median over rounds of case ÷ none in the same round
    awk -v c="$1" '{ tps[$1 " " $2] = $3; rounds[$1] = 1 }
        END { for (r in rounds) printf "%.4f\n", tps[r " " c] / tps[r " none"] }' "$WORK/window.tps" | median \
        | awk '{ printf "%.2f", $1 }'
}
TPS_NONE=$(case_median none)
TPS_NAIVE=$(case_median naive)
TPS_KEEL=$(case_median keel)
RATIO=$(ratio_median keel)
NAIVE_RATIO=$(ratio_median naive)
say "  inserts/s, medians of $ROUNDS windows: none $TPS_NONE, naive $TPS_NAIVE, keel $TPS_KEEL"
MAX_DELTAS=$(sort -n "$WORK/deltas.samples" | tail -n 1)

cat >"$WORK/read.sql" <<'SQL'
SELECT count, sum FROM orders_per_user WHERE user_id = 1;
SQL
read_latency() {   # log name → "avg_ms p99_ms", one client for READ_S seconds
    "$PG_BINDIR/pgbench" -n -M prepared -c 1 -T "$READ_S" -f "$WORK/read.sql" -l --log-prefix="$WORK/$1" \
        -h 127.0.0.1 -p "$PORT" -U postgres bench >"$LOG_DIR/$1.log" 2>&1 || { cat "$LOG_DIR/$1.log" >&2; die "pgbench ($1) failed"; }
    cat "$WORK/$1".* | awk '{ print $3 / 1000 }' | sort -g | awk '{ v[NR] = $1; s += $1 }
        END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.3f %.3f", s / NR, v[i] }'
}
DELTAS_BEFORE=$(deltas)
bench_psql -d bench -c "EXPLAIN (ANALYZE, BUFFERS) SELECT count, sum FROM orders_per_user WHERE user_id = 1" >"$LOG_DIR/explain-before.log"
read -r READ_AVG_BEFORE READ_P99_BEFORE <<<"$(read_latency read-before)"
say "  read with $DELTAS_BEFORE deltas: avg $READ_AVG_BEFORE ms, p99 $READ_P99_BEFORE ms"
"${KEEL[@]}" projections compact >"$LOG_DIR/keel-compact.log" 2>&1 || { cat "$LOG_DIR/keel-compact.log" >&2; die "keel projections compact failed"; }
DELTAS_AFTER=$(deltas)
bench_psql -d bench -c "EXPLAIN (ANALYZE, BUFFERS) SELECT count, sum FROM orders_per_user WHERE user_id = 1" >"$LOG_DIR/explain-after.log"
read -r READ_AVG_AFTER READ_P99_AFTER <<<"$(read_latency read-after)"
say "  read with $DELTAS_AFTER deltas (after a compaction): avg $READ_AVG_AFTER ms, p99 $READ_P99_AFTER ms"
# The counter missed the rows inserted while its trigger was off; a repair adds them, then it must be exact.
"${KEEL[@]}" projections verify orders_per_user --repair >"$LOG_DIR/keel-repair.log" 2>&1 \
    || { cat "$LOG_DIR/keel-repair.log" >&2; die "keel projections verify --repair failed"; }
"${KEEL[@]}" projections verify orders_per_user >"$LOG_DIR/keel-verify.log" 2>&1 \
    || { cat "$LOG_DIR/keel-verify.log" >&2; die "keel's counter differs from the table after a repair"; }
KEEL_ALL_OK=$(bench_psql -d bench -c "SELECT NOT EXISTS (SELECT user_id, count(*), sum(amount) FROM orders GROUP BY user_id
    EXCEPT SELECT user_id, count, sum FROM orders_per_user)")
[[ $KEEL_ALL_OK == t ]] || die "keel's counter differs from the table for some user"

MET=$(awk -v r="$RATIO" -v x="$READ_AVG_BEFORE" -v y="$READ_AVG_AFTER" -v p="$READ_P99_BEFORE" -v q="$READ_P99_AFTER" \
    'BEGIN { print (r >= 0.9 && x < 1 && y < 1 && p < 1 && q < 1) ? "yes" : "no" }')

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"
echo
echo "counters: $CLIENTS clients inserting into orders, all for one user_id, $ROUNDS rounds of ${CASE_S}-s windows per case; keel up compacting every $COMPACT_EVERY"
echo "machine: $MACHINE"
printf '  %-34s %12s\n' case "inserts/s (median of the windows)"
printf '  %-34s %12s\n' "no counter" "$TPS_NONE" "naive counter (row trigger, hot row)" "$TPS_NAIVE" "keel counter" "$TPS_KEEL"
echo "  keel/no counter: $RATIO (target ≥ 0.9; median over rounds of the ratio within a round); naive/no counter: $NAIVE_RATIO"
echo "  read of one group: avg/p99 $READ_AVG_BEFORE/$READ_P99_BEFORE ms with $DELTAS_BEFORE deltas (at most $MAX_DELTAS seen at the end of keel windows),"
echo "                     avg/p99 $READ_AVG_AFTER/$READ_P99_AFTER ms after a compaction ($DELTAS_AFTER deltas) (target < 1 ms)"
echo "  targets met: $MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## counters" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $CLIENTS clients, $ROUNDS rounds of ${CASE_S}-s windows, compaction every $COMPACT_EVERY | $TPS_NONE | $TPS_NAIVE | $TPS_KEEL | $RATIO | $NAIVE_RATIO | $READ_AVG_BEFORE / $READ_P99_BEFORE ($DELTAS_BEFORE deltas, max $MAX_DELTAS) | $READ_AVG_AFTER / $READ_P99_AFTER ($DELTAS_AFTER deltas) | $MET |"
    say "recorded in $RESULTS_FILE"
fi
