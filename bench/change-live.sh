#!/usr/bin/env bash
# bench/change-live.sh: schema changes on pgbench_accounts (scale 100, 10M rows) while 4 pgbench clients
# run point SELECTs and point UPDATEs by random aid. Three changes, each applied naively and through keel
# in the same run: abalance int → bigint, a NOT NULL column with a default, a CHECK constraint. For each:
# throughput in 1-second windows before, during and after, p99 and maximum latency, the longest stall of
# any client, failed transactions, and the change's duration. Appends a row per measured change to
# bench/RESULTS.md.
#
#   flock /work/.mvn.lock bash bench/change-live.sh        # the real run, about 5 minutes of naive changes
#   SCALE=5 RECORD=0 bash bench/change-live.sh               # smoke test
#
# Targets for keel (issue 11): longest stall of any client < 0.5 s, throughput during the backfill ≥ 70 %
# of before, 0 failed transactions, backfill rate ≥ 50 % of a single-statement UPDATE of the same rows.
# Without `keel change` in the keel binary (KEEL_BIN) the keel rows are skipped. Keel's timings include the
# start of each keel process (migrate, then change complete), as a deploy step would pay it.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/change-live"
LOG_DIR="$WORK/logs"
SCALE=${SCALE:-100}
CLIENTS=${CLIENTS:-4}
BEFORE_S=${BEFORE_S:-10}
AFTER_S=${AFTER_S:-10}
RECORD=${RECORD:-1}
SKIP_KEEL=${SKIP_KEEL:-0}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}
# The backfill's pause after each batch, as a percentage of the batch's time; empty keeps keel's default (70).
PAUSE_PERCENT=${PAUSE_PERCENT:-}

say() { echo "change-live: $*" >&2; }
die() { echo "change-live: error: $*" >&2; exit 1; }
for v in SCALE CLIENTS BEFORE_S AFTER_S; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done
[[ -z $PAUSE_PERCENT || $PAUSE_PERCENT =~ ^[0-9]+$ ]] || die "PAUSE_PERCENT must be a whole percentage"

# shellcheck source=lib/pgbench-load.sh
source "$BENCH_DIR/lib/pgbench-load.sh"

# One measured case: the load runs BEFORE_S seconds, then the change (function $3, and for keel the
# completion $4), then AFTER_S seconds. Sets the case's figures as globals.
measure() {
    local label=$1 tool=$2 change=$3 complete=${4:-} dir="$WORK/cases/$1" ls t0 tm t1 le
    say "$label: $BEFORE_S s of load, the change, $AFTER_S s of load"
    bench_psql -d bench -c "CHECKPOINT" >/dev/null
    start_load "$dir"
    ls=$(now)
    sleep "$BEFORE_S"
    t0=$(now)
    "$change" >"$dir/change.log" 2>&1 || { cat "$dir/change.log" >&2; die "$label: the change failed"; }
    tm=$(now)
    if [[ -n $complete ]]; then
        "$complete" >>"$dir/change.log" 2>&1 || { cat "$dir/change.log" >&2; die "$label: completing the change failed"; }
    fi
    t1=$(now)
    sleep "$AFTER_S"
    le=$(now)
    stop_load
    analyze "$dir" "$ls" "$t0" "$tm" "$t1" "$le" >"$dir/figures"
    # shellcheck disable=SC1091
    source "$dir/figures"
    FAILED=$((FAILED_LOG + ABORTED))
    DURATION=$(elapsed "$t0" "$t1")
    BACKFILL_S=$(elapsed "$t0" "$tm")
    # Pads by characters, not bytes: the labels hold an arrow.
    printf '  %s%*s %-5s %8s s  tps before %6s  during %6s (min 1-s %s)  after %6s  p99 %s ms  max %s ms  stall %s s (at %+.1f s)  failed %s\n' \
        "$label" $((32 - ${#label})) "" "$tool" "$DURATION" "$TPS_BEFORE" "$TPS_DURING" "$TPS_MIN_WINDOW" "$TPS_AFTER" "$P99_MS" "$MAX_MS" "$STALL_S" "$STALL_AT" "$FAILED" | tee -a "$WORK/summary" >&2
}

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION"
ROWS_TO_RECORD=()
row() {   # change, tool, backfill rate cell, targets cell
    ROWS_TO_RECORD+=("| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $SCALE ($DB_SIZE), $CLIENTS clients${PAUSE_PERCENT:+, pause $PAUSE_PERCENT %} | $1 | $2 | $DURATION | $TPS_BEFORE | $TPS_DURING ($TPS_MIN_WINDOW) | $TPS_AFTER | $P99_MS | $MAX_MS | $STALL_S | $FAILED | $3 | $4 |")
}

# ---------------------------------------------------------------- naive
naive_type() { bench_psql -d bench -c "ALTER TABLE pgbench_accounts ALTER COLUMN abalance TYPE bigint"; }
naive_not_null() { bench_psql -d bench -c "ALTER TABLE pgbench_accounts ADD COLUMN status text NOT NULL DEFAULT 'new'"; }
naive_check() { bench_psql -d bench -c "ALTER TABLE pgbench_accounts ADD CONSTRAINT abalance_range CHECK (abalance > -1000000000)"; }

measure "abalance int → bigint" naive naive_type;        row "abalance int → bigint" naive "n/a" "n/a"
measure "NOT NULL column, default" naive naive_not_null; row "NOT NULL column with a default" naive "n/a" "n/a"
measure "CHECK constraint" naive naive_check;            row "CHECK constraint" naive "n/a" "n/a"

# ---------------------------------------------------------------- keel
KEEL=("$KEEL_BIN" -C "$WORK/project" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres")
KEEL_AVAILABLE=0
if [[ $SKIP_KEEL -eq 1 ]]; then
    say "SKIP_KEEL=1: skipping keel rows"
elif ! "$KEEL_BIN" change --help >"$LOG_DIR/keel-change-help.log" 2>&1 \
    || ! grep -q "Usage: keel change" "$LOG_DIR/keel-change-help.log"; then
    # Without the command, picocli answers `keel change --help` with keel's own usage (and exit 0).
    echo "keel change not available: skipping keel rows" >&2
else
    KEEL_AVAILABLE=1
fi

if [[ $KEEL_AVAILABLE -eq 1 ]]; then
    say "back to the original shape (not measured)"
    bench_psql -d bench -c "ALTER TABLE pgbench_accounts DROP CONSTRAINT abalance_range" \
        -c "ALTER TABLE pgbench_accounts DROP COLUMN status" \
        -c "ALTER TABLE pgbench_accounts ALTER COLUMN abalance TYPE int" -c "VACUUM ANALYZE pgbench_accounts" >/dev/null

    # Each change is one file among the migrations: migrate starts it (expand and backfill), complete
    # contracts. The files follow issue 11's change-file format.
    write_change() { cat >"$WORK/project/db/migrations/$1"; }
    if [[ -n $PAUSE_PERCENT ]]; then
        printf 'changes:\n  batchPausePercent: %s\n' "$PAUSE_PERCENT" >"$WORK/project/keel.yaml"
    fi
    keel_migrate() { "${KEEL[@]}" migrate; }
    keel_complete() { "${KEEL[@]}" change complete; }
    keel_type() {
        write_change V1__abalance_bigint.yaml <<'YAML'
operations:
  - alter_column: {table: pgbench_accounts, column: abalance, type: bigint, up: "abalance::bigint", down: "abalance::int"}
YAML
        keel_migrate
    }
    keel_not_null() {
        write_change V2__account_status.yaml <<'YAML'
operations:
  - add_column: {table: pgbench_accounts, column: {name: status, type: text, default: "'new'", nullable: false}}
YAML
        keel_migrate
    }
    keel_check() {
        write_change V3__abalance_range.yaml <<'YAML'
operations:
  - add_constraint: {table: pgbench_accounts, name: abalance_range, type: check, check: "abalance > -1000000000"}
YAML
        keel_migrate
    }
    "$KEEL_BIN" --version >/dev/null    # builds keel and its start-up archive outside the timings

    declare -A KEEL_FIGS
    for c in type not_null check; do
        case $c in
            type) label="abalance int → bigint" ;;
            not_null) label="NOT NULL column, default" ;;
            check) label="CHECK constraint" ;;
        esac
        measure "keel: $label" keel "keel_$c" keel_complete
        # Whether keel backfilled rows for this change (it says so on stderr); the rate and the throughput
        # targets are about the backfill, and a change that needs none has only the stall and failure targets.
        BACKFILLED=0
        grep -q "keel: backfill" "$WORK/cases/keel: $label/change.log" && BACKFILLED=1
        KEEL_FIGS[$c]="$DURATION $BACKFILL_S $TPS_BEFORE $TPS_BACKFILL $STALL_S $FAILED $TPS_DURING $TPS_MIN_WINDOW $TPS_AFTER $P99_MS $MAX_MS $BACKFILLED"
    done

    # The baseline does the backfill's work on the table as the backfill met it: fill a new column from
    # abalance on a packed table (the type change's backfill ran right after a rewrite). Updating abalance
    # in place after a plain VACUUM of the bloated table, as this script did before 2026-12-03, was 17 %
    # faster (39.1 s against 47.3 s for 10M rows): the work was not the same.
    say "single-statement UPDATE filling a new column of every row, without load (the backfill-rate baseline)"
    bench_psql -d bench -c "VACUUM FULL pgbench_accounts" -c "ALTER TABLE pgbench_accounts ADD COLUMN abalance_copy bigint" \
        -c "CHECKPOINT" >/dev/null
    u0=$(now); bench_psql -d bench -c "UPDATE pgbench_accounts SET abalance_copy = abalance" >/dev/null; u1=$(now)
    UPDATE_RATE=$(awk -v r="$ROWS" -v a="$u0" -v b="$u1" 'BEGIN { printf "%.0f", r / (b - a) }')
    say "single UPDATE: $(elapsed "$u0" "$u1") s, $UPDATE_RATE rows/s"

    for c in type not_null check; do
        read -r DURATION BACKFILL_S TPS_BEFORE TPS_BACKFILL STALL_S FAILED TPS_DURING TPS_MIN_WINDOW TPS_AFTER P99_MS MAX_MS BACKFILLED <<<"${KEEL_FIGS[$c]}"
        case $c in
            type) label="abalance int → bigint" ;;
            not_null) label="NOT NULL column with a default" ;;
            check) label="CHECK constraint" ;;
        esac
        # The backfill is the part `keel migrate` runs after the expand; its time includes the expand.
        RATE=$(awk -v r="$ROWS" -v s="$BACKFILL_S" 'BEGIN { printf "%.0f", r / s }')
        MET=$(awk -v st="$STALL_S" -v tb="$TPS_BACKFILL" -v b="$TPS_BEFORE" -v f="$FAILED" -v r="$RATE" -v u="$UPDATE_RATE" -v bf="$BACKFILLED" '
            BEGIN { print (st < 0.5 && f == 0 && (!bf || (tb >= 0.7 * b && r >= 0.5 * u))) ? "yes" : "no" }')
        if [[ $BACKFILLED -eq 1 ]]; then
            say "keel $label: backfill $TPS_BACKFILL tps against $TPS_BEFORE before, $RATE rows/s against $UPDATE_RATE; met: $MET"
            row "$label" keel "$RATE of $UPDATE_RATE ($(awk -v r="$RATE" -v u="$UPDATE_RATE" 'BEGIN { printf "%.2f", r / u }'))" "$MET"
        else
            say "keel $label: no backfill; stall $STALL_S s, $FAILED failed; met: $MET"
            row "$label" keel "no backfill" "$MET"
        fi
    done
fi

echo
echo "change-live: pgbench_accounts scale $SCALE ($ROWS rows, $DB_SIZE), $CLIENTS clients, ${BEFORE_S} s before and ${AFTER_S} s after each change"
echo "machine: $MACHINE"
cat "$WORK/summary"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    for r in "${ROWS_TO_RECORD[@]}"; do
        add_result_row "$RESULTS_FILE" "## change-live" "$r"
    done
    say "recorded ${#ROWS_TO_RECORD[@]} rows in $RESULTS_FILE"
fi
