#!/usr/bin/env bash
# bench/counters.sh: insert throughput with a keel counter (create_counter) against no counter and against the
# naive counter (a counts table that a row trigger updates: one hot row), 4 pgbench clients inserting into
# orders, every row for the same user_id, in one run on one cluster and one table, the cases one after another.
# During the keel case keel up runs with only its compactCounters job scheduled (COMPACT_EVERY). At the end of
# the keel case: the latency of a one-group read of the counter's view, before and after a compaction, and a
# check that the counter equals count(*) and sum() of the table. Appends a row to bench/RESULTS.md.
#
#   flock -o /work/.mvn.lock bash bench/counters.sh           # the real run, about 3 minutes
#   CASE_S=5 WARMUP_S=2 RECORD=0 bash bench/counters.sh        # smoke test
#
# Targets (issue 13): keel counter ≥ 0.9 × no counter; a one-group read under 1 ms.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/counters"
LOG_DIR="$WORK/logs"
CLIENTS=${CLIENTS:-4}
CASE_S=${CASE_S:-20}
WARMUP_S=${WARMUP_S:-10}
READ_S=${READ_S:-5}
COMPACT_EVERY=${COMPACT_EVERY:-10s}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}

say() { echo "counters: $*" >&2; }
die() { echo "counters: error: $*" >&2; exit 1; }
for v in CLIENTS CASE_S WARMUP_S READ_S; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done
command -v curl >/dev/null || die "curl is needed"

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
AGENT_PID=""
cleanup() {
    [[ -n $AGENT_PID ]] && kill -TERM "$AGENT_PID" 2>/dev/null && wait "$AGENT_PID" 2>/dev/null
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
    grep -q "number of failed transactions: 0 " "$LOG_DIR/$3.log" \
        || ! grep -q "number of failed transactions" "$LOG_DIR/$3.log" || die "pgbench ($3) had failed transactions"
    awk '/^tps = / { printf "%.0f", $3 }' "$LOG_DIR/$3.log"
}
insert_case() {   # name → tps; a checkpoint first, so no case pays for the one before's dirty pages
    bench_psql -d bench -c "CHECKPOINT" >/dev/null
    pgbench_run "$CASE_S" "$WORK/insert.sql" "$1" "$CLIENTS"
}

say "warm-up: ${WARMUP_S} s of inserts"
pgbench_run "$WARMUP_S" "$WORK/insert.sql" warmup "$CLIENTS" >/dev/null

say "case 1: no counter, ${CASE_S} s"
TPS_NONE=$(insert_case none)
say "  $TPS_NONE inserts/s"

say "case 2: the naive counter (a row trigger updating one row per user), ${CASE_S} s"
bench_psql -d bench -c "CREATE TABLE order_counts (user_id bigint PRIMARY KEY, count bigint NOT NULL, sum bigint NOT NULL)" \
    -c "INSERT INTO order_counts SELECT user_id, count(*), sum(amount) FROM orders GROUP BY user_id" \
    -c "CREATE FUNCTION count_order() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN
            INSERT INTO order_counts VALUES (NEW.user_id, 1, NEW.amount) ON CONFLICT (user_id)
                DO UPDATE SET count = order_counts.count + 1, sum = order_counts.sum + EXCLUDED.sum;
            RETURN NULL; END \$\$" \
    -c "CREATE TRIGGER count_order AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION count_order()" >/dev/null
TPS_NAIVE=$(insert_case naive)
say "  $TPS_NAIVE inserts/s"
NAIVE_OK=$(bench_psql -d bench -c "SELECT (SELECT count FROM order_counts WHERE user_id = 1) = (SELECT count(*) FROM orders WHERE user_id = 1)")
[[ $NAIVE_OK == t ]] || die "the naive counter does not equal count(*) for user 1"
bench_psql -d bench -c "DROP TRIGGER count_order ON orders" -c "DROP FUNCTION count_order()" -c "DROP TABLE order_counts" >/dev/null

say "case 3: keel's counter, created by keel migrate --complete; keel up compacting every $COMPACT_EVERY"
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
"${KEEL[@]}" up >"$LOG_DIR/keel-up.log" 2>&1 &
AGENT_PID=$!
deadline=$((SECONDS + 120))
until curl -sf -o /dev/null "http://127.0.0.1:$AGENT_PORT/metrics"; do
    ((SECONDS < deadline)) || die "keel up did not answer within 120 s (see $LOG_DIR/keel-up.log)"
    kill -0 "$AGENT_PID" 2>/dev/null || { cat "$LOG_DIR/keel-up.log" >&2; die "keel up exited"; }
    sleep 0.5
done
deltas() { bench_psql -d bench -c "SELECT count(*) FROM orders_per_user_stripes WHERE user_id = 1 AND keel_slot <> 0"; }
# The deltas of the hot group, sampled every second: how many rows a read sums between two compactions.
( while sleep 1; do deltas 2>/dev/null || true; done ) >"$WORK/deltas.samples" &
SAMPLER_PID=$!
TPS_KEEL=$(insert_case keel)
kill "$SAMPLER_PID" 2>/dev/null; wait "$SAMPLER_PID" 2>/dev/null || true
say "  $TPS_KEEL inserts/s"
kill -TERM "$AGENT_PID" 2>/dev/null
wait "$AGENT_PID" 2>/dev/null || true
AGENT_PID=""
COMPACTIONS=$(grep -ci "compact" "$LOG_DIR/keel-up.log" || true)
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
KEEL_OK=$(bench_psql -d bench -c "SELECT (SELECT (count, sum) FROM orders_per_user WHERE user_id = 1)
    = (SELECT (count(*), sum(amount)) FROM orders WHERE user_id = 1)")
[[ $KEEL_OK == t ]] || die "keel's counter does not equal count(*) and sum(amount) for user 1"
KEEL_ALL_OK=$(bench_psql -d bench -c "SELECT NOT EXISTS (SELECT user_id, count(*), sum(amount) FROM orders GROUP BY user_id
    EXCEPT SELECT user_id, count, sum FROM orders_per_user)")
[[ $KEEL_ALL_OK == t ]] || die "keel's counter differs from the table for some user"

say "case 4: no counter again (the table has grown), ${CASE_S} s"
# Keel's counter off the table (its function's drop takes the four triggers with it).
bench_psql -d bench -c "DROP VIEW orders_per_user" -c "DROP FUNCTION orders_per_user_stripes_write() CASCADE" >/dev/null
TRIGGERS=$(bench_psql -d bench -c "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'orders'::regclass AND NOT tgisinternal")
[[ $TRIGGERS == 0 ]] || die "keel's triggers are still on orders"
TPS_NONE2=$(insert_case none-again)
say "  $TPS_NONE2 inserts/s"

RATIO=$(awk -v k="$TPS_KEEL" -v a="$TPS_NONE" -v b="$TPS_NONE2" 'BEGIN { printf "%.2f", k / ((a + b) / 2) }')
NAIVE_RATIO=$(awk -v k="$TPS_NAIVE" -v a="$TPS_NONE" -v b="$TPS_NONE2" 'BEGIN { printf "%.2f", k / ((a + b) / 2) }')
MET=$(awk -v r="$RATIO" -v x="$READ_AVG_BEFORE" -v y="$READ_AVG_AFTER" -v p="$READ_P99_BEFORE" -v q="$READ_P99_AFTER" \
    'BEGIN { print (r >= 0.9 && x < 1 && y < 1 && p < 1 && q < 1) ? "yes" : "no" }')

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"
echo
echo "counters: $CLIENTS clients inserting into orders, all for one user_id, ${CASE_S} s per case; keel up compacting every $COMPACT_EVERY"
echo "machine: $MACHINE"
printf '  %-34s %12s\n' case "inserts/s"
printf '  %-34s %12s\n' "no counter" "$TPS_NONE" "naive counter (row trigger, hot row)" "$TPS_NAIVE" \
    "keel counter" "$TPS_KEEL" "no counter, again" "$TPS_NONE2"
echo "  keel/no counter: $RATIO (target ≥ 0.9; against the mean of both no-counter cases); naive/no counter: $NAIVE_RATIO"
echo "  read of one group: avg/p99 $READ_AVG_BEFORE/$READ_P99_BEFORE ms with $DELTAS_BEFORE deltas (at most $MAX_DELTAS seen during the case),"
echo "                     avg/p99 $READ_AVG_AFTER/$READ_P99_AFTER ms after a compaction ($DELTAS_AFTER deltas) (target < 1 ms)"
echo "  targets met: $MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## counters" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $CLIENTS clients, ${CASE_S} s per case, compaction every $COMPACT_EVERY | $TPS_NONE | $TPS_NAIVE | $TPS_KEEL | $TPS_NONE2 | $RATIO | $NAIVE_RATIO | $READ_AVG_BEFORE / $READ_P99_BEFORE ($DELTAS_BEFORE deltas, max $MAX_DELTAS) | $READ_AVG_AFTER / $READ_P99_AFTER ($DELTAS_AFTER deltas) | $MET |"
    say "recorded in $RESULTS_FILE"
fi
