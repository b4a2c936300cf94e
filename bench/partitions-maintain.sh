#!/usr/bin/env bash
# bench/partitions-maintain.sh: maintenance of a partition set of 1,000 daily partitions, keel against
# pg_partman (Debian's postgresql-15-partman, run_maintenance), in one run on one cluster. Two cases, each
# timed REPEAT times per tool, alternating, medians:
#   steady  nothing to do: every partition ahead exists (what an hourly run finds almost every time);
#   ahead   the newest partition is missing and is created again (what the first run of a new day does).
# Each tool's maintenance is timed where it runs on schedule: keel's as keel up's partitionMaintenance
# job (every 10 s, the other jobs off) reports it in keel.agent_runs (figures.millis: from its
# connection on; the first, cold run is left out), pg_partman's `SELECT run_maintenance(…)` by psql's
# \timing. keel's command (`keel partitions maintain`, a JVM started for it) is reported beside them. Target (issue 13): keel ≤ 1.0 × pg_partman. A row per case goes to
# bench/RESULTS.md.
#
#   flock -o /work/.mvn.lock bash bench/partitions-maintain.sh
#   PARTITIONS=50 REPEAT=2 RECORD=0 bash bench/partitions-maintain.sh      # smoke test
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/partitions-maintain"
LOG_DIR="$WORK/logs"
PARTITIONS=${PARTITIONS:-1000}
PREMAKE=${PREMAKE:-4}
REPEAT=${REPEAT:-5}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}

say() { echo "partitions-maintain: $*" >&2; }
die() { echo "partitions-maintain: error: $*" >&2; exit 1; }
for v in PARTITIONS PREMAKE REPEAT; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done
(( PARTITIONS > PREMAKE + 1 )) || die "PARTITIONS must exceed PREMAKE + 1"

partman_installed() { dpkg-query -W -f='${Status}' postgresql-15-partman 2>/dev/null | grep -q "install ok installed"; }
if ! partman_installed; then
    say "installing postgresql-15-partman (Debian package)"
    command -v apt-get >/dev/null 2>&1 || die "pg_partman is missing and apt-get is not available to install it"
    apt-get install -y -qq postgresql-15-partman >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq postgresql-15-partman >/dev/null 2>&1; } \
        || die "could not install postgresql-15-partman with apt-get"
fi

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
trap bench_cluster_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$WORK/project/db/migrations"
say "starting PostgreSQL"
bench_cluster_start "$WORK" "$LOG_DIR" TimeZone=UTC
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
bench_psql -d postgres -c "CREATE DATABASE bench"
URL="jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres"
PAST=$((PARTITIONS - PREMAKE - 1))

say "pg_partman: $PARTITIONS daily partitions of events_pm"
bench_psql -d bench <<SQL >"$LOG_DIR/partman-setup.log"
CREATE SCHEMA partman;
CREATE EXTENSION pg_partman SCHEMA partman;
CREATE TABLE events_pm (id bigint NOT NULL, created_at timestamptz NOT NULL, payload text,
    PRIMARY KEY (id, created_at)) PARTITION BY RANGE (created_at);
SELECT partman.create_parent('public.events_pm', 'created_at', 'native', 'daily', p_premake := $PREMAKE,
    p_start_partition := (date_trunc('day', now()) - interval '$PAST days')::text);
-- Without rows arriving, pg_partman makes no partition ahead unless told to, as keel always does.
UPDATE partman.part_config SET infinite_time_partitions = true WHERE parent_table = 'public.events_pm';
SQL
PM_COUNT=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_pm'::regclass")

say "keel: $PARTITIONS daily partitions of events_keel"
cat >"$WORK/project/db/migrations/V1__events.yaml" <<YAML
operations:
  - create_partitioned_table:
      name: events_keel
      columns:
        - {name: id, type: bigint, primary_key: true}
        - {name: created_at, type: timestamptz, primary_key: true}
        - {name: payload, type: text}
      partition_by: {column: created_at, interval: 1 day, premake: $PREMAKE, default: true}
YAML
"$KEEL_BIN" -C "$WORK/project" --url "$URL" migrate --complete >"$LOG_DIR/keel-migrate.log" 2>&1 \
    || { cat "$LOG_DIR/keel-migrate.log" >&2; die "keel migrate failed"; }
# The days before today, as keel names and bounds them (UTC days), so the set starts as pg_partman's does.
bench_psql -d bench <<SQL >"$LOG_DIR/keel-setup.log"
DO \$\$
DECLARE d date;
BEGIN
  FOR i IN 1..$PAST LOOP
    d := (now() AT TIME ZONE 'UTC')::date - i;
    EXECUTE format('CREATE TABLE %I PARTITION OF events_keel FOR VALUES FROM (%L) TO (%L)',
                   'events_keel_p' || to_char(d, 'YYYYMMDD'), d::timestamp AT TIME ZONE 'UTC',
                   (d + 1)::timestamp AT TIME ZONE 'UTC');
  END LOOP;
END \$\$;
SQL
KEEL_COUNT=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_keel'::regclass")
say "partitions (default included): pg_partman $PM_COUNT, keel $KEEL_COUNT"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# keel's own figure, in seconds, and the command's wall time: "own wall".
time_keel() {
    local t0 t1 out
    t0=$(now)
    out=$("$KEEL_BIN" -C "$WORK/project" --url "$URL" --json partitions maintain 2>>"$LOG_DIR/keel-maintain.log") \
        || { tail -5 "$LOG_DIR/keel-maintain.log" >&2; die "keel partitions maintain failed"; }
    t1=$(now)
    echo "$out" >>"$LOG_DIR/keel-maintain.json"
    local ms
    ms=$(echo "$out" | grep -o '"millis" *: *[0-9]*' | grep -o '[0-9]*$') || die "no millis in keel's JSON: $out"
    echo "$(awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }') $(secs "$t0" "$t1")"
}
time_partman() {
    local ms
    ms=$(bench_psql -d bench -c '\timing on' -c "SELECT partman.run_maintenance('public.events_pm')" \
        | tee -a "$LOG_DIR/partman.log" | grep -o 'Time: [0-9.]*' | grep -o '[0-9.]*$')
    [[ -n $ms ]] || die "psql printed no timing for run_maintenance"
    awk -v m="$ms" 'BEGIN { printf "%.3f", m / 1000 }'
}
newest() { bench_psql -d bench -c "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = '$1'::regclass AND pg_get_expr(c.relpartbound, c.oid) <> 'DEFAULT'
    ORDER BY pg_get_expr(c.relpartbound, c.oid) DESC LIMIT 1"; }

# Warm-up: one run of each, so caches and the launcher's build are not in the first figure, and each
# tool's set is in the state its own maintenance keeps (pg_partman's first run makes one more partition
# ahead than create_parent did).
time_keel >/dev/null; time_partman >/dev/null
PM_COUNT=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_pm'::regclass")
KEEL_COUNT=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_keel'::regclass")
say "after a first maintenance each (default included): pg_partman $PM_COUNT, keel $KEEL_COUNT"

declare -A KEEL PARTMAN CMD
# The command, cold, as someone runs it by hand.
c=()
for ((r = 1; r <= REPEAT; r++)); do
    read -r _ wall < <(time_keel)
    c+=("$wall")
done
CMD[steady]=$(printf '%s\n' "${c[@]}" | median)
c=()
for ((r = 1; r <= REPEAT; r++)); do
    bench_psql -d bench -c "DROP TABLE $(newest events_keel)"
    read -r _ wall < <(time_keel)
    c+=("$wall")
done
CMD[ahead]=$(printf '%s\n' "${c[@]}" | median)

# The agent: only its partition maintenance, every 10 s.
AGENT_PORT=$(bench_pick_port)
cat >"$WORK/project/keel.yaml" <<YAML
schedule:
  snapshot: off
  doctor: off
  compactCounters: off
  refreshProjections: off
  partitionMaintenance: 10s
YAML
"$KEEL_BIN" -C "$WORK/project" --url "$URL" up --listen "127.0.0.1:$AGENT_PORT" >"$LOG_DIR/keel-up.log" 2>&1 &
AGENT_PID=$!
trap 'kill -TERM $AGENT_PID 2>/dev/null; wait $AGENT_PID 2>/dev/null; bench_cluster_stop' EXIT
runs() { bench_psql -d bench -c "SELECT count(*) FROM keel.agent_runs WHERE job = 'partitionMaintenance' AND outcome = 'ok'" 2>/dev/null || echo 0; }
wait_runs() {
    local want=$1 deadline=$((SECONDS + 60))
    until (( $(runs) >= want )); do
        (( SECONDS < deadline )) || { tail -5 "$LOG_DIR/keel-up.log" >&2; die "keel up ran fewer than $want maintenance runs in 60 s"; }
        kill -0 "$AGENT_PID" 2>/dev/null || { tail -5 "$LOG_DIR/keel-up.log" >&2; die "keel up exited"; }
        sleep 0.5
    done
}
job_ms() { bench_psql -d bench -c "SELECT (figures->>'millis')::int FROM keel.agent_runs WHERE job = 'partitionMaintenance'
    AND outcome = 'ok' ORDER BY id OFFSET $1 LIMIT $2"; }
wait_runs 1
# steady: the runs after the first (cold) one.
wait_runs $((REPEAT + 1))
KEEL[steady]=$(job_ms 1 "$REPEAT" | awk '{ printf "%.3f\n", $1 / 1000 }' | median)
p=()
for ((r = 1; r <= REPEAT; r++)); do p+=("$(time_partman)"); done
PARTMAN[steady]=$(printf '%s\n' "${p[@]}" | median)
# ahead: before each run, the newest partition of each set goes.
k=(); p=()
for ((r = 1; r <= REPEAT; r++)); do
    before=$(runs)
    # Dropped right after a run ends, so the next run (10 s later) finds it missing.
    wait_runs $((before + 1))
    bench_psql -d bench -c "DROP TABLE $(newest events_keel)" -c "DROP TABLE $(newest events_pm)"
    p+=("$(time_partman)")
    wait_runs $((before + 2))
    k+=("$(job_ms $((before + 1)) 1 | awk '{ printf "%.3f", $1 / 1000 }')")
done
KEEL[ahead]=$(printf '%s\n' "${k[@]}" | median)
PARTMAN[ahead]=$(printf '%s\n' "${p[@]}" | median)
changes=$(bench_psql -d bench -c "SELECT sum((figures->>'changes')::int) FROM keel.agent_runs WHERE job = 'partitionMaintenance'")
after_keel=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_keel'::regclass")
after_pm=$(bench_psql -d bench -c "SELECT count(*) FROM pg_inherits WHERE inhparent = 'events_pm'::regclass")
[[ $after_keel == "$KEEL_COUNT" ]] || die "keel left $after_keel partitions, not $KEEL_COUNT"
[[ $after_pm == "$PM_COUNT" ]] || die "pg_partman left $after_pm partitions, not $PM_COUNT"
say "keel up's maintenance made $changes changes in all"

PARTMAN_VERSION=$(bench_psql -d bench -c "SELECT extversion FROM pg_extension WHERE extname = 'pg_partman'")
MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, pg_partman $PARTMAN_VERSION"
echo
echo "partitions-maintain: $PARTITIONS daily partitions (premake $PREMAKE) per tool, medians of $REPEAT runs"
echo "machine: $MACHINE"
printf '  %-7s %10s %14s %10s %14s\n' case "keel s" "pg_partman s" ratio "keel cmd s"
if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
fi
for case in steady ahead; do
    ratio=$(awk -v a="${KEEL[$case]}" -v b="${PARTMAN[$case]}" 'BEGIN { printf "%.2f", a / b }')
    met=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.0) ? "yes" : "no" }')
    printf '  %-7s %10s %14s %10s %14s\n' "$case" "${KEEL[$case]}" "${PARTMAN[$case]}" "$ratio" "${CMD[$case]}"
    if [[ $RECORD -eq 1 ]]; then
        add_result_row "$RESULTS_FILE" "## partitions-maintain" \
            "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $case, $PARTITIONS partitions, $REPEAT runs | ${KEEL[$case]} | ${PARTMAN[$case]} | $ratio | ${CMD[$case]} | $met |"
    fi
done
[[ $RECORD -eq 1 ]] && say "recorded in $RESULTS_FILE"
exit 0
