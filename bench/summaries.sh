#!/usr/bin/env bash
# bench/summaries.sh: refreshing a keel summary (create_summary, incremental by created_at) against
# REFRESH MATERIALIZED VIEW CONCURRENTLY of a plain materialized view of the same query, after 1 % new rows.
# One cluster, one orders table of ROWS rows (created_at over ~100 days, product_id, amount), a summary by day
# and product created through `keel migrate --complete`, and the materialized view with a unique index on
# (day, product_id). Then ROWS/100 new rows with recent times, in 100 statements, and each refresh once: keel's
# as `keel projections refresh daily_sales` (the whole command, JVM start included, and the refresh's own time
# from its output), the view's as one psql statement. Both must equal the query afterwards. Appends a row to
# bench/RESULTS.md.
#
#   flock -o /work/.mvn.lock bash bench/summaries.sh          # the real run, about 3 minutes
#   ROWS=200000 RECORD=0 bash bench/summaries.sh              # smoke test
#
# Target (issue 13): keel's refresh at most 0.05 × the view's.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/summaries"
LOG_DIR="$WORK/logs"
ROWS=${ROWS:-10000000}
PRODUCTS=${PRODUCTS:-1000}
DAYS=${DAYS:-100}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}

say() { echo "summaries: $*" >&2; }
die() { echo "summaries: error: $*" >&2; exit 1; }
for v in ROWS PRODUCTS DAYS; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done
((ROWS >= 10000)) || die "ROWS must be at least 10000"

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
trap bench_cluster_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$WORK/project/db/migrations"
say "starting PostgreSQL"
# UTC for every session: the view's date_trunc('day', created_at) then cuts days where the summary's do.
bench_cluster_start "$WORK" "$LOG_DIR" "timezone=UTC" "max_wal_size=4GB"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
bench_psql -d postgres -c "CREATE DATABASE bench"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

say "$ROWS orders over $DAYS days, $PRODUCTS products"
t0=$(now)
# The application's table, with the index on created_at an application that reads recent orders has: keel's
# refresh reads a bucket's rows through it.
bench_psql -d bench -c "CREATE TABLE orders (id bigserial PRIMARY KEY, created_at timestamptz NOT NULL,
        product_id integer NOT NULL, amount numeric(10,2) NOT NULL)" \
    -c "INSERT INTO orders (created_at, product_id, amount)
        SELECT now() - interval '$DAYS days' + (g::float8 / $ROWS) * interval '$DAYS days' + random() * interval '1 hour',
               1 + (hashint4(g) & 2147483647) % $PRODUCTS, round((1 + random() * 200)::numeric, 2)
        FROM generate_series(1, $ROWS) g" \
    -c "CREATE INDEX orders_created_at ON orders (created_at)" \
    -c "VACUUM ANALYZE orders" >/dev/null
say "  loaded in $(elapsed "$t0" "$(now)") s"

QUERY="SELECT date_trunc('day', created_at) AS day, product_id, count(*) AS orders, sum(amount) AS revenue FROM orders GROUP BY day, product_id"
say "the summary through keel migrate --complete"
"$KEEL_BIN" --version >/dev/null    # builds keel and its start-up archive outside the timings
cat >"$WORK/project/db/migrations/V1__daily_sales.yaml" <<YAML
operations:
  - create_summary:
      name: daily_sales
      query: "$QUERY"
      incremental_by: created_at
      refresh: 1h
YAML
KEEL=("$KEEL_BIN" -C "$WORK/project" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres")
t0=$(now)
"${KEEL[@]}" migrate --complete >"$LOG_DIR/keel-migrate.log" 2>&1 || { cat "$LOG_DIR/keel-migrate.log" >&2; die "keel migrate failed"; }
KEEL_CREATE_S=$(elapsed "$t0" "$(now)")
say "  created in $KEEL_CREATE_S s"

say "the materialized view, with its unique index"
t0=$(now)
bench_psql -d bench -c "CREATE MATERIALIZED VIEW daily_sales_mv AS $QUERY" \
    -c "CREATE UNIQUE INDEX daily_sales_mv_key ON daily_sales_mv (day, product_id)" >/dev/null
MV_CREATE_S=$(elapsed "$t0" "$(now)")
say "  created in $MV_CREATE_S s"
BUCKETS=$(bench_psql -d bench -c "SELECT count(*) FROM daily_sales_mv")

NEW=$((ROWS / 100))
say "$NEW new orders from the last 12 hours, in 100 statements"
for ((i = 0; i < 100; i++)); do
    echo "INSERT INTO orders (created_at, product_id, amount) SELECT now() - random() * interval '12 hours',
        1 + (hashint4(g + $i * $NEW) & 2147483647) % $PRODUCTS, round((1 + random() * 200)::numeric, 2)
        FROM generate_series(1, $((NEW / 100))) g;"
done | bench_psql -d bench >/dev/null
bench_psql -d bench -c "VACUUM ANALYZE orders" -c "CHECKPOINT" >/dev/null

say "keel projections refresh daily_sales"
t0=$(now)
"${KEEL[@]}" projections refresh daily_sales >"$LOG_DIR/keel-refresh.log" 2>&1 \
    || { cat "$LOG_DIR/keel-refresh.log" >&2; die "keel projections refresh failed"; }
KEEL_S=$(elapsed "$t0" "$(now)")
KEEL_OUT=$(grep "daily_sales" "$LOG_DIR/keel-refresh.log" | head -n 1)
[[ $KEEL_OUT =~ in\ ([0-9]+)\ ms ]] || die "keel's refresh printed no time: $KEEL_OUT"
KEEL_OWN_S=$(awk -v ms="${BASH_REMATCH[1]}" 'BEGIN { printf "%.3f", ms / 1000 }')
say "  $KEEL_S s ($KEEL_OUT)"

bench_psql -d bench -c "CHECKPOINT" >/dev/null
say "REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales_mv"
t0=$(now)
bench_psql -d bench -c "REFRESH MATERIALIZED VIEW CONCURRENTLY daily_sales_mv" >/dev/null
MV_S=$(elapsed "$t0" "$(now)")
say "  $MV_S s"

say "checking both against the query"
differs() {   # relation → rows of it not in the query plus rows of the query not in it
    bench_psql -d bench -c "WITH q AS ($QUERY), r AS (SELECT day, product_id, orders, revenue FROM $1)
        SELECT (SELECT count(*) FROM (TABLE q EXCEPT ALL TABLE r) a) + (SELECT count(*) FROM (TABLE r EXCEPT ALL TABLE q) b)"
}
SUMMARY_DIFF=$(differs daily_sales)
MV_DIFF=$(differs daily_sales_mv)
[[ $SUMMARY_DIFF == 0 ]] || die "keel's summary differs from the query in $SUMMARY_DIFF rows"
[[ $MV_DIFF == 0 ]] || die "the materialized view differs from the query in $MV_DIFF rows"

RATIO_CMD=$(awk -v k="$KEEL_S" -v m="$MV_S" 'BEGIN { printf "%.3f", k / m }')
RATIO_OWN=$(awk -v k="$KEEL_OWN_S" -v m="$MV_S" 'BEGIN { printf "%.3f", k / m }')
MET_CMD=$(awk -v r="$RATIO_CMD" 'BEGIN { print (r <= 0.05) ? "yes" : "no" }')
MET_OWN=$(awk -v r="$RATIO_OWN" 'BEGIN { print (r <= 0.05) ? "yes" : "no" }')

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"
echo
echo "summaries: $ROWS orders over $DAYS days ($BUCKETS day × product groups), then $NEW new ones (1 %)"
echo "machine: $MACHINE"
echo "  creation: keel migrate --complete $KEEL_CREATE_S s, CREATE MATERIALIZED VIEW + unique index $MV_CREATE_S s"
printf '  %-52s %10s\n' refresh seconds
printf '  %-52s %10s\n' "keel projections refresh (whole command)" "$KEEL_S" "keel's refresh itself (from its output)" "$KEEL_OWN_S" \
    "REFRESH MATERIALIZED VIEW CONCURRENTLY" "$MV_S"
echo "  keel/view: command $RATIO_CMD (met: $MET_CMD), refresh itself $RATIO_OWN (met: $MET_OWN) (target ≤ 0.05)"
echo "  both equal the query afterwards"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## summaries" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $ROWS rows, $BUCKETS groups, +$NEW rows | $KEEL_S | $KEEL_OWN_S | $MV_S | $RATIO_CMD | $RATIO_OWN | $MET_CMD | $MET_OWN |"
    say "recorded in $RESULTS_FILE"
fi
