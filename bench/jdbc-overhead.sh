#!/usr/bin/env bash
# bench/jdbc-overhead.sh: the cost of keel's statement timing (keel-jdbc) in an application: one JVM
# runs a loop of point queries through the raw driver, through keel's DataSource wrapper and
# through datasource-proxy alone, interleaved in short slices, against one local PostgreSQL cluster.
# Appends the medians to bench/RESULTS.md. Target: keel's overhead at most 3 % over the raw driver.
#
#   bash bench/jdbc-overhead.sh                                          # the real run (about 3 minutes)
#   QUERIES=2000 ROUNDS=3 WARMUP=1 RECORD=0 bash bench/jdbc-overhead.sh  # smoke test
#
# Needs Java 17+, Maven (builds keel-jdbc and resolves its classpath) and the PostgreSQL server binaries.
# With taskset and at least 2 CPUs, the client JVM runs on CLIENT_CPUS and the server on SERVER_CPUS.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/jdbc"
LOG_DIR="$WORK/logs"
QUERIES=${QUERIES:-10000}
ROUNDS=${ROUNDS:-31}
WARMUP=${WARMUP:-5}
SLICES=${SLICES:-10}
RECORD=${RECORD:-1}
JAVA_OPTS=${JAVA_OPTS:-}
PIN=${PIN:-auto}
CLIENT_CPUS=${CLIENT_CPUS:-0}
SERVER_CPUS=${SERVER_CPUS:-1}
MVN=${MVN:-mvn}

say() { echo "jdbc-overhead: $*" >&2; }
die() { echo "jdbc-overhead: error: $*" >&2; exit 1; }
[[ $QUERIES =~ ^[1-9][0-9]*$ ]] || die "QUERIES must be a positive integer"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $SLICES =~ ^[1-9][0-9]*$ ]] || die "SLICES must be a positive integer"
[[ $PIN == auto || $PIN == 0 || $PIN == 1 ]] || die "PIN must be auto, 0 or 1"
read -r -a MVN_CMD <<<"$MVN" || true
command -v "${MVN_CMD[0]}" >/dev/null 2>&1 || die "${MVN_CMD[0]} not found (set MVN)"

if [[ $PIN == auto ]]; then
    if command -v taskset >/dev/null 2>&1 && [[ $(nproc) -ge 2 ]]; then PIN=1; else PIN=0; fi
elif [[ $PIN == 1 ]]; then
    command -v taskset >/dev/null 2>&1 || die "PIN=1 needs taskset (util-linux)"
fi

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
trap 'bench_cluster_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "building keel-jdbc and resolving its classpath"
mkdir -p "$WORK"
# One reactor run: the modules keel-jdbc's tests use resolve to their freshly built jars. The plugin version is
# pinned: the one Maven picks by default (2.8) is old and not in every local repository.
(cd "$ROOT" && "${MVN_CMD[@]}" -B -ntp -q -DskipTests -pl keel-jdbc -am package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test) >&2
JAR=$(ls "$ROOT"/keel-jdbc/target/keel-jdbc-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
CLASSPATH_ALL="$JAR:$(cat "$WORK/classpath.txt")"

say "starting PostgreSQL"
bench_cluster_start "$WORK" "$LOG_DIR"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"

CLIENT_PREFIX=()
pinning="not pinned"
if [[ $PIN -eq 1 ]]; then
    # The postmaster and the processes it already runs move to the server CPUs; the backend it forks for
    # each connection inherits them. The client JVM (its JIT and GC threads too) starts on the client CPUs.
    postmaster=$(head -n 1 "$PGDATA_DIR/postmaster.pid")
    for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do
        taskset -a -c -p "$SERVER_CPUS" "$pid" >/dev/null
    done
    CLIENT_PREFIX=(taskset -c "$CLIENT_CPUS")
    pinning="client on CPU $CLIENT_CPUS, server on CPU $SERVER_CPUS"
fi

say "$QUERIES point queries per variant and round in $SLICES interleaved slices; $WARMUP warm-up rounds, $ROUNDS counted;" \
    "$pinning; JAVA_OPTS='$JAVA_OPTS'"
read -r -a JAVA_OPTS_ARR <<<"$JAVA_OPTS" || true
"${CLIENT_PREFIX[@]}" java "${JAVA_OPTS_ARR[@]}" -cp "$CLASSPATH_ALL" "$BENCH_DIR/JdbcOverhead.java" \
    "$URL" "$QUERIES" "$ROUNDS" "$WARMUP" "$SLICES" >"$WORK/result.txt" 2> >(tee "$LOG_DIR/rounds.log" >&2)

field() { awk -v name="$1" -v n="$2" '$1 == name {print $n}' "$WORK/result.txt"; }
raw=$(field raw 2)
keel=$(field keel 2)
proxy=$(field datasource-proxy 2)
[[ -n $raw && -n $keel && -n $proxy ]] || { cat "$WORK/result.txt" >&2; die "the harness printed no figures"; }
# Overheads: the median of the per-round ratios to the raw driver, their quartiles (how much one round
# varies) and the 95 % confidence interval of the median (how far the figure itself can be off).
pct() { awk -v r="$1" 'BEGIN {printf "%.1f", (r - 1) * 100}'; }
overhead=$(pct "$(field keel 3)")
keel_q1=$(pct "$(field keel 4)")
keel_q3=$(pct "$(field keel 5)")
keel_lo=$(pct "$(field keel 6)")
keel_hi=$(pct "$(field keel 7)")
proxy_overhead=$(pct "$(field datasource-proxy 3)")
proxy_q1=$(pct "$(field datasource-proxy 4)")
proxy_q3=$(pct "$(field datasource-proxy 5)")
proxy_lo=$(pct "$(field datasource-proxy 6)")
proxy_hi=$(pct "$(field datasource-proxy 7)")
verdict=$(awk -v lo="$keel_lo" -v hi="$keel_hi" 'BEGIN {
    if (hi <= 3.0) print "met: the whole 95 % interval of the median is within 3 %";
    else if (lo > 3.0) print "missed: the whole 95 % interval of the median is over 3 %";
    else print "undecided: 3 % lies inside the 95 % interval of the median (more rounds or a quieter machine)" }')
# The met column says the verdict, not the median alone: a median at 3 % with an interval past it is no result.
met=${verdict%%:*}
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, Java $(java -version 2>&1 | awk -F'"' '/version/{print $2}')${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
runs="$QUERIES × $ROUNDS (+$WARMUP warm-up), $SLICES slices, $([[ $PIN -eq 1 ]] && echo pinned || echo not pinned)"

echo
echo "jdbc-overhead: point queries, $ROUNDS rounds of $QUERIES per variant ($SLICES interleaved slices each), after $WARMUP warm-up rounds; $pinning"
echo "machine: $machine"
echo "  variant: median µs per query; median ratio to raw in the same round, its quartiles Q1 Q3, its 95 % interval;" \
    "every round's µs per query"
sed 's/^/  /' "$WORK/result.txt"
echo "  keel overhead: $overhead % (95 % interval $keel_lo to $keel_hi %; rounds' quartiles $keel_q1 to $keel_q3 %)"
echo "  target ≤ 3 %: $verdict"
echo "  datasource-proxy alone: $proxy_overhead % (95 % interval $proxy_lo to $proxy_hi %; quartiles $proxy_q1 to $proxy_q3 %)"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## jdbc-overhead" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $runs | $raw | $keel | $proxy | $overhead % (CI $keel_lo to $keel_hi %, IQR $keel_q1 to $keel_q3 %) | $proxy_overhead % (CI $proxy_lo to $proxy_hi %) | $met |"
    say "recorded in bench/RESULTS.md"
fi
