#!/usr/bin/env bash
# bench/advise-quality.sh: does `keel advise indexes` find the indexes a workload needs, and only
# those? A shop (bench/advise/schema.sql: 100k users, 10k products, 1M orders, 2M order items) with
# three indexes deliberately missing, and a workload of 10 statement shapes (bench/advise/workload/)
# run with pgbench. While the workload runs, `keel advise indexes --observe` watches it (to learn the
# values its statements use), advises and writes the migrations; keel migrate applies them once the
# run is over, and the workload runs again, beside a copy of the same database with the hand-tuned
# indexes (bench/advise/tuned.sql). Appends a row to bench/RESULTS.md.
#
# Targets: every needed index proposed; no proposed index left unused by the workload; workload
# latency after the advice within 1.1 × the hand-tuned schema's.
#
#   bash bench/advise-quality.sh
#   CLIENT_TX=500 RECORD=0 bash bench/advise-quality.sh      # shorter
#   OBSERVE=0 bash bench/advise-quality.sh                    # without sampled values: generic plans only
#
# Needs Java 17+, Maven (./keel builds itself), the PostgreSQL server binaries with psql and pgbench.
# hypopg is used when installed (postgresql-15-hypopg); otherwise keel verifies on a scratch copy.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/advise"
LOG_DIR="$WORK/logs"
PROJECT="$WORK/project"
CLIENT_TX=${CLIENT_TX:-3000}     # transactions per pgbench client in the measured runs
BEFORE_SECONDS=${BEFORE_SECONDS:-60}  # the first, unindexed run: long enough for keel to watch it
OBSERVE=${OBSERVE:-20s}          # keel advise indexes --observe; 0 leaves it out
WARMUP=${WARMUP:-5}              # seconds of workload before keel starts watching
ROUNDS=${ROUNDS:-3}
RECORD=${RECORD:-1}

say() { echo "advise-quality: $*" >&2; }
die() { echo "advise-quality: error: $*" >&2; exit 1; }
for n in CLIENT_TX BEFORE_SECONDS ROUNDS WARMUP; do [[ ${!n} =~ ^[1-9][0-9]*$ ]] || die "$n must be a positive integer"; done

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
trap 'bench_cluster_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$PROJECT/db/migrations"
say "starting PostgreSQL"
bench_cluster_start "$WORK" "$LOG_DIR" "shared_preload_libraries=pg_stat_statements" "pg_stat_statements.track=top"
PGBENCH="$PG_BINDIR/pgbench"
[[ -x $PGBENCH ]] || die "pgbench not found in $PG_BINDIR"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')

say "loading the shop (1M orders, 2M items): about a minute"
bench_psql -d postgres -c "CREATE DATABASE advised"
bench_psql -d advised -f "$BENCH_DIR/advise/schema.sql" >/dev/null
bench_psql -d advised -f "$BENCH_DIR/advise/data.sql" >/dev/null
bench_psql -d postgres -c "CREATE DATABASE tuned TEMPLATE advised"
bench_psql -d tuned -f "$BENCH_DIR/advise/tuned.sql" >/dev/null
BASE_INDEXES=$(bench_psql -d advised -c "SELECT string_agg(indexrelid::regclass::text, ' ' ORDER BY 1) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'")

WORKLOAD=()
for f in "$BENCH_DIR"/advise/workload/*.sql; do WORKLOAD+=(-f "$f"); done
# Average latency in ms of one pgbench run: 2 clients, the 10 shapes with equal weight. pgbench's
# default simple protocol writes the values into the statements, as psql and many ORMs do.
# run_workload DB -t N|-T SECONDS LOG
run_workload() {
    local db=$1 mode=$2 amount=$3 log=$4
    "$PGBENCH" -n -h 127.0.0.1 -p "$PORT" -U postgres -c 2 -j 2 "$mode" "$amount" "${WORKLOAD[@]}" "$db" >"$log" 2>&1 || { cat "$log" >&2; die "pgbench failed on $db"; }
    awk -F'= ' '/^latency average/ {split($2, a, " "); print a[1]}' "$log"
}

URL="jdbc:postgresql://127.0.0.1:$PORT/advised?user=postgres"
# Built before the clock starts, so the advice runs inside the workload's window.
"$ROOT/keel" --help >/dev/null 2>&1 || die "./keel does not start (see ./keel --help)"
say "workload before advice (${BEFORE_SECONDS}s, unindexed: slow); keel advise indexes --observe $OBSERVE while it runs"
bench_psql -d advised -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null
run_workload advised -T "$BEFORE_SECONDS" "$LOG_DIR/before.log" >"$LOG_DIR/before.ms" &
before_pid=$!
sleep "$WARMUP"
observe_opt=()
[[ $OBSERVE == 0 ]] || observe_opt=(--observe "$OBSERVE")
"$ROOT/keel" --url "$URL" -C "$PROJECT" advise indexes "${observe_opt[@]}" --apply-to db/migrations >"$LOG_DIR/advice.txt" 2>"$LOG_DIR/advice.err" \
    || { code=$?; [[ $code -eq 1 ]] || { cat "$LOG_DIR/advice.err" >&2; die "keel advise failed (exit $code)"; }; }
kill -0 "$before_pid" 2>/dev/null || say "warning: the workload ended before keel finished advising (raise BEFORE_SECONDS)"
wait "$before_pid" || die "the workload before advice failed (see $LOG_DIR/before.log)"
before_ms=$(cat "$LOG_DIR/before.ms")
proposed=$(ls "$PROJECT/db/migrations" | wc -l)
say "keel wrote $proposed migration(s); applying them with keel migrate"
"$ROOT/keel" --url "$URL" -C "$PROJECT" migrate >"$LOG_DIR/migrate.log" 2>&1 || { cat "$LOG_DIR/migrate.log" >&2; die "keel migrate failed"; }
bench_psql -d advised -c "ANALYZE" >/dev/null

# The indexes the advice added, as table:leading column.
NEW_INDEXES=$(bench_psql -d advised -F ' ' -c "
    SELECT i.indexrelid::regclass, c.relname || ':' || a.attname
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
    WHERE n.nspname = 'public'" | while read -r idx lead; do
        [[ " $BASE_INDEXES " == *" $idx "* ]] || echo "$idx $lead"
    done)

say "measured runs: $ROUNDS × (advised, tuned), $CLIENT_TX transactions per client"
bench_psql -d advised -c "SELECT pg_stat_reset()" >/dev/null
after_all="" tuned_all=""
for ((r = 1; r <= ROUNDS; r++)); do
    after_all="$after_all $(run_workload advised -t "$CLIENT_TX" "$LOG_DIR/after-$r.log")"
    tuned_all="$tuned_all $(run_workload tuned -t "$CLIENT_TX" "$LOG_DIR/tuned-$r.log")"
done
median() { printf '%s\n' $1 | sort -g | awk '{v[NR] = $1} END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
after_ms=$(median "$after_all")
tuned_ms=$(median "$tuned_all")

# Needed: orders by user, items by order, recent pending orders (by status or by time).
needed_found=0
grep -q ' orders:user_id$' <<<"$NEW_INDEXES" && needed_found=$((needed_found + 1))
grep -q ' order_items:order_id$' <<<"$NEW_INDEXES" && needed_found=$((needed_found + 1))
grep -qE ' orders:(status|created_at)$' <<<"$NEW_INDEXES" && needed_found=$((needed_found + 1))
unused=0
unused_names=""
while read -r idx lead; do
    [[ -n $idx ]] || continue
    scans=$(bench_psql -d advised -c "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelid = '$idx'::regclass")
    if [[ $scans -eq 0 ]]; then unused=$((unused + 1)); unused_names="$unused_names $idx"; fi
done <<<"$NEW_INDEXES"
added=$(grep -c . <<<"$NEW_INDEXES" || true)
ratio=$(awk -v a="$after_ms" -v t="$tuned_ms" 'BEGIN { printf "%.2f", a / t }')
met=$(awk -v n="$needed_found" -v u="$unused" -v r="$ratio" 'BEGIN { print (n == 3 && u == 0 && r <= 1.10) ? "yes" : "no" }')
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"

echo
echo "advise-quality: 1M orders, 10 statement shapes, 3 indexes missing"
echo "machine: $machine"
echo "  indexes keel added: $added ($(awk '{print $1}' <<<"$NEW_INDEXES" | tr '\n' ' '))"
echo "  needed indexes proposed: $needed_found/3; proposed but unused: $unused${unused_names:+ ($unused_names)}"
echo "  latency per transaction: before $before_ms ms, after advice $after_ms ms, hand-tuned $tuned_ms ms (after/tuned $ratio, target ≤ 1.10)"
echo "  targets met: $met"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## advise-quality" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $CLIENT_TX × $ROUNDS | $added | $needed_found/3 | $unused | $before_ms | $after_ms | $tuned_ms | $ratio | $met |"
    say "recorded in bench/RESULTS.md"
fi
