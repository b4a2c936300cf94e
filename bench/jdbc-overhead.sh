#!/usr/bin/env bash
# bench/jdbc-overhead.sh: the cost of keel's statement timing (keel-jdbc) in an application: one JVM
# runs a loop of point queries through the raw driver, through keel's DataSource wrapper and
# through datasource-proxy alone, taking turns, against one local PostgreSQL cluster. Appends the
# medians to bench/RESULTS.md. Target: keel's overhead at most 3 % over the raw driver.
#
#   bash bench/jdbc-overhead.sh                          # the real run
#   QUERIES=2000 ROUNDS=3 RECORD=0 bash bench/jdbc-overhead.sh   # smoke test
#
# Needs Java 17+, Maven (builds keel-jdbc and resolves its classpath) and the PostgreSQL server binaries.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/jdbc"
LOG_DIR="$WORK/logs"
QUERIES=${QUERIES:-20000}
ROUNDS=${ROUNDS:-21}
RECORD=${RECORD:-1}
JAVA_OPTS=${JAVA_OPTS:-}

say() { echo "jdbc-overhead: $*" >&2; }
die() { echo "jdbc-overhead: error: $*" >&2; exit 1; }
[[ $QUERIES =~ ^[1-9][0-9]*$ ]] || die "QUERIES must be a positive integer"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
command -v mvn >/dev/null 2>&1 || die "mvn not found"

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
trap 'bench_cluster_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "building keel-jdbc and resolving its classpath"
mkdir -p "$WORK"
# One reactor run: the modules keel-jdbc's tests use resolve to their freshly built jars.
(cd "$ROOT" && mvn -B -ntp -q -DskipTests -pl keel-jdbc -am package dependency:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test) >&2
JAR=$(ls "$ROOT"/keel-jdbc/target/keel-jdbc-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
CLASSPATH_ALL="$JAR:$(cat "$WORK/classpath.txt")"

say "starting PostgreSQL"
bench_cluster_start "$WORK" "$LOG_DIR"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"

say "$QUERIES point queries per round, $ROUNDS rounds per variant, JAVA_OPTS='$JAVA_OPTS'"
read -r -a JAVA_OPTS_ARR <<<"$JAVA_OPTS" || true
java "${JAVA_OPTS_ARR[@]}" -cp "$CLASSPATH_ALL" "$BENCH_DIR/JdbcOverhead.java" "$URL" "$QUERIES" "$ROUNDS" >"$WORK/result.txt"

raw=$(awk '$1 == "raw" {print $2}' "$WORK/result.txt")
keel=$(awk '$1 == "keel" {print $2}' "$WORK/result.txt")
proxy=$(awk '$1 == "datasource-proxy" {print $2}' "$WORK/result.txt")
[[ -n $raw && -n $keel && -n $proxy ]] || { cat "$WORK/result.txt" >&2; die "the harness printed no figures"; }
# The overheads: medians of the per-round ratios to the raw driver (third field).
overhead=$(awk '$1 == "keel" {printf "%.1f", ($3 - 1) * 100}' "$WORK/result.txt")
proxy_overhead=$(awk '$1 == "datasource-proxy" {printf "%.1f", ($3 - 1) * 100}' "$WORK/result.txt")
met=$(awk -v o="$overhead" 'BEGIN { print (o <= 3.0) ? "yes" : "no" }')
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, Java $(java -version 2>&1 | awk -F'"' '/version/{print $2}')${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"

echo
echo "jdbc-overhead: point queries, $ROUNDS rounds of $QUERIES; per variant: median µs per query, median ratio to raw in the same round, all rounds"
echo "machine: $machine"
sed 's/^/  /' "$WORK/result.txt"
echo "  keel overhead: $overhead % (target ≤ 3 %); datasource-proxy alone: $proxy_overhead %"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## jdbc-overhead" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $QUERIES × $ROUNDS | $raw | $keel | $proxy | $overhead % | $proxy_overhead % | $met |"
    say "recorded in bench/RESULTS.md"
fi
