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
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}

say() { echo "partition-convert: $*" >&2; }
die() { echo "partition-convert: error: $*" >&2; exit 1; }
for v in SCALE CLIENTS BEFORE_S AFTER_S PART_WIDTH; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done

# shellcheck source=lib/cluster.sh
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
# pgbench's simple protocol, so no prepared plan outlives the swap of the table under its name.
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

# Reads the transaction log. Arguments: dir, load start, conversion start (T0), end of `keel migrate`
# (TM: start and backfill), end of `keel change complete` (T1), load end. Prints shell assignments; the
# swap's stall is the longest gap that overlaps TM..T1.
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
    # The 99th percentile of the transactions that overlapped the conversion (nearest rank).
    awk '$1 == "during" { print $2 }' "$dir/latencies" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "P99_MS=n/a"; exit }
        r = int(NR * 0.99); if (r < NR * 0.99) r++; if (r < 1) r = 1
        printf "P99_MS=%.1f\n", v[r] * 1000 }'
    echo "ABORTED=$aborted"
}

"$KEEL_BIN" change --help >"$LOG_DIR/keel-change-help.log" 2>&1 && grep -q "Usage: keel change" "$LOG_DIR/keel-change-help.log" \
    || die "$KEEL_BIN has no 'keel change' command"
"$KEEL_BIN" --version >/dev/null    # builds keel and its start-up archive outside the timings

# pgbench_accounts' primary key is aid, an integer: partition_table partitions it by ranges of
# PART_WIDTH aids, so no column has to be added (a time column would mean a rewrite of 10M rows, or a
# constant default, before the measured part). aid runs 1..ROWS: ROWS / PART_WIDTH partitions (plus
# premake ahead and the default partition).
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
echo "partition-convert: pgbench_accounts scale $SCALE ($ROWS rows, $DB_SIZE) into $PARTS range partitions of $PART_WIDTH aids, $CLIENTS clients, ${BEFORE_S} s before and ${AFTER_S} s after"
echo "machine: $MACHINE"
printf '  conversion %s s (keel migrate %s s, change complete %s s)  tps before %s  during %s (min 1-s %s, migrate %s)  after %s  p99 %s ms  max %s ms  stall %s s (at %+.1f s)  failed %s  target met: %s\n' \
    "$DURATION" "$MIGRATE_S" "$SWAP_S" "$TPS_BEFORE" "$TPS_DURING" "$TPS_MIN_WINDOW" "$TPS_BACKFILL" "$TPS_AFTER" "$P99_MS" "$MAX_MS" "$STALL_S" "$STALL_AT" "$FAILED" "$MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## partition-convert" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $SCALE ($DB_SIZE), $CLIENTS clients | $PARTS | $DURATION | $MIGRATE_S | $SWAP_S | $TPS_BEFORE | $TPS_DURING ($TPS_MIN_WINDOW) | $TPS_AFTER | $P99_MS | $MAX_MS | $STALL_S | $FAILED | $MET |"
    say "recorded a row in $RESULTS_FILE"
fi
