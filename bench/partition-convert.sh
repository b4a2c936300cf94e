#!/usr/bin/env bash
# bench/partition-convert.sh: keel's partition_table converts pgbench_accounts (scale 100, 10M rows) into
# a range partitioned table while 4 pgbench clients run point SELECTs and point UPDATEs by random aid.
# Measures throughput before, during and after the conversion, p99 and maximum latency, the longest stall
# of any client, failed transactions, the conversion's duration and that of its swap (`keel change
# complete`), then checks that the table is partitioned and holds every row. Appends one row to
# bench/RESULTS.md.
#
#   flock -o /work/.mvn.lock bash bench/partition-convert.sh      # the real run, about 6 minutes
#   SCALE=2 BEFORE_S=3 AFTER_S=3 RECORD=0 bash bench/partition-convert.sh   # smoke test
#
# Target (issue 13): longest stall of any client < 0.5 s and 0 failed transactions. Keel's timings include
# the start of each keel process (migrate, then change complete), as a deploy step would pay it.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/partition-convert"
LOG_DIR="$WORK/logs"
SCALE=${SCALE:-100}
CLIENTS=${CLIENTS:-4}
BEFORE_S=${BEFORE_S:-10}
AFTER_S=${AFTER_S:-10}
PART_WIDTH=${PART_WIDTH:-1000000}
PAUSE_PERCENT=${PAUSE_PERCENT:-200}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}

say() { echo "partition-convert: $*" >&2; }
die() { echo "partition-convert: error: $*" >&2; exit 1; }
for v in SCALE CLIENTS BEFORE_S AFTER_S PART_WIDTH PAUSE_PERCENT; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done

# shellcheck source=lib/pgbench-load.sh
source "$BENCH_DIR/lib/pgbench-load.sh"

"$KEEL_BIN" change --help >"$LOG_DIR/keel-change-help.log" 2>&1 && grep -q "Usage: keel change" "$LOG_DIR/keel-change-help.log" \
    || die "$KEEL_BIN has no 'keel change' command"
"$KEEL_BIN" --version >/dev/null    # builds keel and its start-up archive outside the timings

# pgbench_accounts' primary key is aid, an integer: partition_table partitions it by ranges of
# PART_WIDTH aids, so no column has to be added (a time column would mean a rewrite of 10M rows, or a
# constant default, before the measured part). aid runs 1..ROWS: ROWS / PART_WIDTH partitions (plus
# premake ahead and the default partition).
# The backfill's pace: a pause of PAUSE_PERCENT % of each batch's time after it. At keel's default (70) the
# copy's writes made checkpoints so frequent and heavy that their fsyncs stalled every commit for up to 4 s
# on this machine (bench/README.md); the conversion has no rate target, the stall has one.
cat >"$WORK/project/keel.yaml" <<YAML
changes:
  batchPausePercent: $PAUSE_PERCENT
YAML
KEEL=("$KEEL_BIN" -C "$WORK/project" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres")
cat >"$WORK/project/db/migrations/V1__partition_accounts.yaml" <<YAML
operations:
  - partition_table:
      table: pgbench_accounts
      partition_by: {column: aid, interval: $PART_WIDTH, premake: 2, default: true}
YAML

DIR="$WORK/run"
say "$BEFORE_S s of load, the conversion (keel migrate, keel change complete), $AFTER_S s of load"
bench_psql -d bench -c "VACUUM ANALYZE pgbench_accounts" -c "CHECKPOINT" >/dev/null
start_load "$DIR"
LS=$(now)
sleep "$BEFORE_S"
T0=$(now)
"${KEEL[@]}" migrate >"$DIR/change.log" 2>&1 || { cat "$DIR/change.log" >&2; die "keel migrate failed"; }
TM=$(now)
"${KEEL[@]}" change complete >>"$DIR/change.log" 2>&1 || { cat "$DIR/change.log" >&2; die "keel change complete failed"; }
T1=$(now)
sleep "$AFTER_S"
LE=$(now)
stop_load
analyze "$DIR" "$LS" "$T0" "$TM" "$T1" "$LE" >"$DIR/figures"
# shellcheck disable=SC1091
source "$DIR/figures"
FAILED=$((FAILED_LOG + ABORTED))
DURATION=$(elapsed "$T0" "$T1")
MIGRATE_S=$(elapsed "$T0" "$TM")
SWAP_S=$(elapsed "$TM" "$T1")

# A wrong result fails the run: the table must be partitioned, under its name, with every row.
KIND=$(bench_psql -d bench -c "SELECT relkind FROM pg_class WHERE oid = 'public.pgbench_accounts'::regclass")
[[ $KIND == p ]] || die "pgbench_accounts is not partitioned after the conversion (relkind $KIND)"
PARTS=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'public.pgbench_accounts'::regclass")
AFTER_ROWS=$(bench_psql -d bench -c "SELECT count(*) FROM pgbench_accounts")
[[ $AFTER_ROWS -eq $ROWS ]] || die "pgbench_accounts holds $AFTER_ROWS rows after the conversion, not $ROWS"
# Every row is in the partition its aid belongs to; none fell to the default partition.
DEFAULT_ROWS=$(bench_psql -d bench -c "SELECT count(*) FROM pgbench_accounts_default")
[[ $DEFAULT_ROWS -eq 0 ]] || die "$DEFAULT_ROWS rows in pgbench_accounts_default"
# The application's writes during the conversion reached the new table: every update added 1 to one
# abalance (pgbench -i starts them at 0), so the new table's sum is at least the old one's at the swap.
SUMS=$(bench_psql -d bench -c "SELECT (SELECT sum(abalance) FROM pgbench_accounts) >= (SELECT sum(abalance) FROM pgbench_accounts_keel_old)")
[[ $SUMS == t ]] || die "the partitioned table lost updates the old table had"
say "pgbench_accounts: partitioned, $PARTS partitions, $AFTER_ROWS rows"

MET=$(awk -v st="$STALL_S" -v f="$FAILED" 'BEGIN { print (st < 0.5 && f == 0) ? "yes" : "no" }')
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"
echo
echo "partition-convert: pgbench_accounts scale $SCALE ($ROWS rows, $DB_SIZE) into $PARTS range partitions of $PART_WIDTH aids, $CLIENTS clients, backfill pause $PAUSE_PERCENT %, ${BEFORE_S} s before and ${AFTER_S} s after"
echo "machine: $MACHINE"
printf '  conversion %s s (keel migrate %s s, change complete %s s)  tps before %s  during %s (min 1-s %s, migrate %s)  after %s  p99 %s ms  max %s ms  stall %s s (at %+.1f s)  failed %s  target met: %s\n' \
    "$DURATION" "$MIGRATE_S" "$SWAP_S" "$TPS_BEFORE" "$TPS_DURING" "$TPS_MIN_WINDOW" "$TPS_BACKFILL" "$TPS_AFTER" "$P99_MS" "$MAX_MS" "$STALL_S" "$STALL_AT" "$FAILED" "$MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## partition-convert" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $SCALE ($DB_SIZE), $CLIENTS clients, pause $PAUSE_PERCENT % | $PARTS | $DURATION | $MIGRATE_S | $SWAP_S | $TPS_BEFORE | $TPS_DURING ($TPS_MIN_WINDOW) | $TPS_AFTER | $P99_MS | $MAX_MS | $STALL_S | $FAILED | $MET |"
    say "recorded a row in $RESULTS_FILE"
fi
