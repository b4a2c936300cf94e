#!/usr/bin/env bash
# bench/agent-metrics.sh: keel up's /metrics beside Debian's prometheus-postgres-exporter on one database
# with 1,000 tables and pg_stat_statements full. Both scrape the same cluster in the same run, each as its
# own role with pg_monitor, alternately: the median time of a scrape over HTTP, and what a scrape costs the
# database (statements and their execution time, from pg_stat_statements by role). Then the agent's peak
# resident memory (VmHWM of its JVM). Appends a row to bench/RESULTS.md.
#
#   flock -o /work/.mvn.lock bash bench/agent-metrics.sh     # the real run, under a minute
#   TABLES=50 SCRAPES=5 RECORD=0 bash bench/agent-metrics.sh  # smoke test
#
# Targets (issue 12): scrape time at most 1.0 × postgres_exporter's; agent resident memory under 256 MB.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/agent-metrics"
LOG_DIR="$WORK/logs"
TABLES=${TABLES:-1000}
SCRAPES=${SCRAPES:-30}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
KEEL_BIN=${KEEL_BIN:-$ROOT/keel}
EXPORTER=${EXPORTER:-/usr/bin/prometheus-postgres-exporter}

say() { echo "agent-metrics: $*" >&2; }
die() { echo "agent-metrics: error: $*" >&2; exit 1; }
for v in TABLES SCRAPES; do
    [[ ${!v} =~ ^[1-9][0-9]*$ ]] || die "$v must be a positive integer"
done
command -v curl >/dev/null || die "curl is needed"
if [[ ! -x $EXPORTER ]]; then
    command -v apt-get >/dev/null || die "$EXPORTER not found and no apt-get to install prometheus-postgres-exporter"
    say "installing prometheus-postgres-exporter"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus-postgres-exporter >/dev/null \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus-postgres-exporter >/dev/null; } \
        || die "could not install prometheus-postgres-exporter"
fi

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
AGENT_PID=""
EXPORTER_PID=""
cleanup() {
    stop_process "$AGENT_PID"
    stop_process "$EXPORTER_PID"
    bench_cluster_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$WORK/project"
say "starting PostgreSQL with pg_stat_statements"
bench_cluster_start "$WORK" "$LOG_DIR" "shared_preload_libraries=pg_stat_statements" "pg_stat_statements.max=5000"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
bench_psql -d postgres -c "CREATE DATABASE bench"
bench_psql -d bench -c "CREATE EXTENSION pg_stat_statements"

say "$TABLES tables, and pg_stat_statements filled to its 5,000 entries"
bench_psql -d bench -c "DO \$\$ BEGIN FOR i IN 1..$TABLES LOOP
    EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, a int, b text, c timestamptz)', i);
    EXECUTE format('CREATE INDEX ON t%s (a)', i);
    EXECUTE format('INSERT INTO t%s SELECT g, g %% 7, md5(g::text), now() FROM generate_series(1, 20) g', i);
END LOOP; END \$\$" >/dev/null
bench_psql -d bench -c "ANALYZE" >/dev/null
# Five statement shapes per table, each its own entry: with 1,000 tables that fills the default 5,000.
for ((i = 1; i <= TABLES; i++)); do
    echo "SELECT count(*) FROM t$i WHERE id = 1; SELECT a FROM t$i WHERE a = 2 LIMIT 1;"
    echo "SELECT b FROM t$i ORDER BY c DESC LIMIT 3; UPDATE t$i SET a = a WHERE id = 3; SELECT max(id) FROM t$i;"
done | bench_psql -d bench >/dev/null
ENTRIES=$(bench_psql -d bench -c "SELECT count(*) FROM pg_stat_statements")
say "pg_stat_statements holds $ENTRIES entries"

# One role per tool, as a team would grant them: pg_monitor sees every session and statement.
bench_psql -d postgres -c "CREATE ROLE keel_agent LOGIN IN ROLE pg_monitor" \
    -c "CREATE ROLE exporter LOGIN IN ROLE pg_monitor" \
    -c "GRANT CREATE ON DATABASE bench TO keel_agent" >/dev/null

AGENT_PORT=$(bench_pick_port)
EXPORTER_PORT=$(bench_pick_port)
cat >"$WORK/project/keel.yaml" <<YAML
# The agent as a team would run it: its default schedules (statistics every 5 minutes, the doctor every
# minute) run beside the scrapes.
agent:
  listen: 127.0.0.1:$AGENT_PORT
YAML
"$KEEL_BIN" --version >/dev/null    # builds keel and its start-up archive outside the timings

say "starting keel up and postgres_exporter"
"$KEEL_BIN" -C "$WORK/project" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=keel_agent" up \
    >"$LOG_DIR/keel-up.log" 2>&1 &
AGENT_PID=$!
DATA_SOURCE_NAME="postgresql://exporter@127.0.0.1:$PORT/bench?sslmode=disable" \
    "$EXPORTER" --web.listen-address="127.0.0.1:$EXPORTER_PORT" --log.level=warn >"$LOG_DIR/exporter.log" 2>&1 &
EXPORTER_PID=$!

wait_for() {   # url, what
    local deadline=$((SECONDS + 120))
    until curl -sf -o /dev/null "$1"; do
        ((SECONDS < deadline)) || die "$2 did not answer $1 within 120 s (see $LOG_DIR)"
        sleep 0.5
    done
}
wait_for "http://127.0.0.1:$AGENT_PORT/metrics" "keel up"
wait_for "http://127.0.0.1:$EXPORTER_PORT/metrics" "postgres_exporter"
curl -sf "http://127.0.0.1:$AGENT_PORT/metrics" | grep -q '^pg_up.* 1' || die "keel up's /metrics has no pg_up 1"
curl -sf "http://127.0.0.1:$EXPORTER_PORT/metrics" | grep -q '^pg_up 1' || die "postgres_exporter reports no pg_up 1"

scrape() { curl -sf -o /dev/null -w '%{time_total}\n' "$1" || die "scrape of $1 failed"; }
role_cost() {   # role → "calls total_exec_ms" summed over the role's statements
    bench_psql -d bench -c "SELECT coalesce(sum(calls), 0) || ' ' || round(coalesce(sum(total_exec_time), 0)::numeric, 3)
        FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '$1'"
}

say "warming up: 5 scrapes each"
for ((i = 0; i < 5; i++)); do
    scrape "http://127.0.0.1:$AGENT_PORT/metrics" >/dev/null
    scrape "http://127.0.0.1:$EXPORTER_PORT/metrics" >/dev/null
done

say "$SCRAPES scrapes each, alternating"
read -r keel_calls0 keel_ms0 <<<"$(role_cost keel_agent)"
read -r exp_calls0 exp_ms0 <<<"$(role_cost exporter)"
: >"$WORK/keel.times"
: >"$WORK/exporter.times"
for ((i = 0; i < SCRAPES; i++)); do
    if ((i % 2 == 0)); then
        scrape "http://127.0.0.1:$AGENT_PORT/metrics" >>"$WORK/keel.times"
        scrape "http://127.0.0.1:$EXPORTER_PORT/metrics" >>"$WORK/exporter.times"
    else
        scrape "http://127.0.0.1:$EXPORTER_PORT/metrics" >>"$WORK/exporter.times"
        scrape "http://127.0.0.1:$AGENT_PORT/metrics" >>"$WORK/keel.times"
    fi
done
read -r keel_calls1 keel_ms1 <<<"$(role_cost keel_agent)"
read -r exp_calls1 exp_ms1 <<<"$(role_cost exporter)"

median_ms() { sort -g "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m * 1000 }'; }
KEEL_MS=$(median_ms "$WORK/keel.times")
EXP_MS=$(median_ms "$WORK/exporter.times")
# The agent's jobs (statistics, doctor) run as keel_agent too: their statements count against it, so
# its figure is an upper bound for the scrape alone.
KEEL_Q=$(awk -v a="$keel_calls0" -v b="$keel_calls1" -v n="$SCRAPES" 'BEGIN { printf "%.1f", (b - a) / n }')
EXP_Q=$(awk -v a="$exp_calls0" -v b="$exp_calls1" -v n="$SCRAPES" 'BEGIN { printf "%.1f", (b - a) / n }')
KEEL_DB_MS=$(awk -v a="$keel_ms0" -v b="$keel_ms1" -v n="$SCRAPES" 'BEGIN { printf "%.2f", (b - a) / n }')
EXP_DB_MS=$(awk -v a="$exp_ms0" -v b="$exp_ms1" -v n="$SCRAPES" 'BEGIN { printf "%.2f", (b - a) / n }')
RSS_MB=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$AGENT_PID/status")
EXP_RSS_MB=$(awk '/^VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$EXPORTER_PID/status")
RATIO=$(awk -v k="$KEEL_MS" -v e="$EXP_MS" 'BEGIN { printf "%.2f", k / e }')
MET=$(awk -v r="$RATIO" -v m="$RSS_MB" 'BEGIN { print (r <= 1.0 && m < 256) ? "yes" : "no" }')

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, $("$EXPORTER" --version 2>&1 | head -1 | awk '{ sub(",", "", $1); print $1, $3 }')"
echo
echo "agent-metrics: $TABLES tables, pg_stat_statements $ENTRIES entries, $SCRAPES scrapes each (medians)"
echo "machine: $MACHINE"
printf '  %-18s %10s %16s %18s %12s\n' tool "scrape ms" "statements/scrape" "db ms/scrape" "peak RSS MB"
printf '  %-18s %10s %16s %18s %12s\n' "keel up" "$KEEL_MS" "$KEEL_Q" "$KEEL_DB_MS" "$RSS_MB"
printf '  %-18s %10s %16s %18s %12s\n' "postgres_exporter" "$EXP_MS" "$EXP_Q" "$EXP_DB_MS" "$EXP_RSS_MB"
echo "  keel/postgres_exporter: scrape $RATIO (target ≤ 1.0); keel up peak RSS $RSS_MB MB (target < 256); met: $MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## agent-metrics" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $MACHINE | $TABLES tables, $ENTRIES statements, $SCRAPES scrapes | $KEEL_MS | $EXP_MS | $RATIO | $KEEL_Q | $EXP_Q | $KEEL_DB_MS | $EXP_DB_MS | $RSS_MB | $EXP_RSS_MB | $MET |"
    say "recorded in $RESULTS_FILE"
fi
