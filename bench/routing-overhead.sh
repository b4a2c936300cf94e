#!/usr/bin/env bash
# bench/routing-overhead.sh: the cost of keel's routing DataSource (keel-jdbc) on a read: one JVM runs
# point reads (connection, read-only, one query, close) through a replica's HikariCP pool directly and
# through a RoutingDataSource that routes them to that same pool, interleaved in short slices, against a
# local primary and its streaming standby. Appends the medians to bench/RESULTS.md.
# Target: the router's overhead at most 3 % over the pool used directly. Then (PAIRS > 0) the price of
# read-your-writes: the share of reads sent to the primary because the standby had not replayed the
# reader's own write, with the standby's recovery_min_apply_delay at 0 and at 100 ms.
#
#   bash bench/routing-overhead.sh                                        # the real run (about 3 minutes)
#   READS=2000 ROUNDS=3 WARMUP=1 RECORD=0 bash bench/routing-overhead.sh  # smoke test
#
# Needs Java 17+, Maven (builds keel-jdbc and resolves its test classpath, which has HikariCP) and the
# PostgreSQL server binaries (pg_basebackup too). With taskset and at least 2 CPUs, the client JVM runs on
# CLIENT_CPUS and both servers on SERVER_CPUS.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/routing"
LOG_DIR="$WORK/logs"
READS=${READS:-10000}
ROUNDS=${ROUNDS:-61}
WARMUP=${WARMUP:-5}
SLICES=${SLICES:-10}
PAIRS=${PAIRS:-4000}
RECORD=${RECORD:-1}
JAVA_OPTS=${JAVA_OPTS:-}
PIN=${PIN:-auto}
CLIENT_CPUS=${CLIENT_CPUS:-0}
SERVER_CPUS=${SERVER_CPUS:-1}
MVN=${MVN:-mvn}

say() { echo "routing-overhead: $*" >&2; }
die() { echo "routing-overhead: error: $*" >&2; exit 1; }
[[ $READS =~ ^[1-9][0-9]*$ ]] || die "READS must be a positive integer"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "WARMUP must be a non-negative integer"
[[ $SLICES =~ ^[1-9][0-9]*$ ]] || die "SLICES must be a positive integer"
[[ $PAIRS =~ ^[0-9]+$ ]] || die "PAIRS must be a non-negative integer"
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
STANDBY_DIR=""
stop_all() {
    if [[ -n $STANDBY_DIR && -f $STANDBY_DIR/postmaster.pid ]]; then
        bench_as_pg "$PG_BINDIR/pg_ctl" -D "$STANDBY_DIR" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    fi
    [[ -n $STANDBY_DIR ]] && rm -rf -- "$STANDBY_DIR"
    bench_cluster_stop
}
trap 'stop_all' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "building keel-jdbc and resolving its test classpath"
mkdir -p "$WORK"
(cd "$ROOT" && "${MVN_CMD[@]}" -B -ntp -q -DskipTests -pl keel-jdbc -am package \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=test) >&2
JAR=$(ls "$ROOT"/keel-jdbc/target/keel-jdbc-*.jar | grep -v -- '-sources\|-tests' | head -n 1)
CLASSPATH_ALL="$JAR:$(cat "$WORK/classpath.txt")"

say "starting PostgreSQL and a streaming standby"
bench_cluster_start "$WORK" "$LOG_DIR"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')
STANDBY_DIR=$(mktemp -d "$WORK/standby.XXXXXX")
rmdir "$STANDBY_DIR"
bench_as_pg "$PG_BINDIR/pg_basebackup" -D "$STANDBY_DIR" -R -X stream -c fast -h 127.0.0.1 -p "$PORT" -U postgres \
    >"$LOG_DIR/pg_basebackup.log" 2>&1 || { cat "$LOG_DIR/pg_basebackup.log" >&2; die "pg_basebackup failed"; }
chmod 700 "$STANDBY_DIR"
STANDBY_PORT=$(bench_pick_port)
bench_as_pg "$PG_BINDIR/pg_ctl" -D "$STANDBY_DIR" -l "$LOG_DIR/standby.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$STANDBY_PORT -c unix_socket_directories=''" start >"$LOG_DIR/standby_ctl.log" 2>&1 || {
    cat "$LOG_DIR/standby_ctl.log" "$LOG_DIR/standby.log" >&2 2>/dev/null
    die "the standby did not start"
}
PRIMARY_URL="jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
REPLICA_URL="jdbc:postgresql://127.0.0.1:$STANDBY_PORT/postgres?user=postgres"

CLIENT_PREFIX=()
pinning="not pinned"
if [[ $PIN -eq 1 ]]; then
    # Both postmasters and what they already run move to the server CPUs; backends forked later inherit them.
    for dir in "$PGDATA_DIR" "$STANDBY_DIR"; do
        postmaster=$(head -n 1 "$dir/postmaster.pid")
        for pid in "$postmaster" $(ps -o pid= --ppid "$postmaster"); do
            taskset -a -c -p "$SERVER_CPUS" "$pid" >/dev/null
        done
    done
    CLIENT_PREFIX=(taskset -c "$CLIENT_CPUS")
    pinning="client on CPU $CLIENT_CPUS, servers on CPU $SERVER_CPUS"
fi

say "$READS point reads per variant and round in $SLICES interleaved slices; $WARMUP warm-up rounds, $ROUNDS counted;" \
    "$pinning; JAVA_OPTS='$JAVA_OPTS'"
read -r -a JAVA_OPTS_ARR <<<"$JAVA_OPTS" || true
"${CLIENT_PREFIX[@]}" java "${JAVA_OPTS_ARR[@]}" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CLASSPATH_ALL" \
    "$BENCH_DIR/RoutingOverhead.java" "$PRIMARY_URL" "$REPLICA_URL" "$READS" "$ROUNDS" "$WARMUP" "$SLICES" "$PAIRS" \
    >"$WORK/result.txt" 2> >(tee "$LOG_DIR/rounds.log" >&2)

field() { awk -v name="$1" -v n="$2" '$1 == name {print $n}' "$WORK/result.txt"; }
pool=$(field pool 2)
routing=$(field routing 2)
share=$(field replica-share 2)
[[ -n $pool && -n $routing && -n $share ]] || { cat "$WORK/result.txt" >&2; die "the harness printed no figures"; }
pct() { awk -v r="$1" 'BEGIN {printf "%.1f", (r - 1) * 100}'; }
overhead=$(pct "$(field routing 3)")
q1=$(pct "$(field routing 4)")
q3=$(pct "$(field routing 5)")
lo=$(pct "$(field routing 6)")
hi=$(pct "$(field routing 7)")
share_pct=$(awk -v s="$share" 'BEGIN {printf "%.1f", s * 100}')
verdict=$(awk -v lo="$lo" -v hi="$hi" 'BEGIN {
    if (hi <= 3.0) print "met: the whole 95 % interval of the median is within 3 %";
    else if (lo > 3.0) print "missed: the whole 95 % interval of the median is over 3 %";
    else print "undecided: 3 % lies inside the 95 % interval of the median (more rounds or a quieter machine)" }')
met=${verdict%%:*}
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, Java $(java -version 2>&1 | awk -F'"' '/version/{print $2}')${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"
runs="$READS × $ROUNDS (+$WARMUP warm-up), $SLICES slices, $([[ $PIN -eq 1 ]] && echo pinned || echo not pinned)"

echo
echo "routing-overhead: point reads, $ROUNDS rounds of $READS per variant ($SLICES interleaved slices each), after $WARMUP warm-up rounds; $pinning"
echo "machine: $machine"
echo "  variant: median µs per read; median ratio to the pool in the same round, its quartiles Q1 Q3, its 95 % interval;" \
    "every round's µs per read"
sed 's/^/  /' "$WORK/result.txt"
echo "  routing overhead: $overhead % (95 % interval $lo to $hi %; rounds' quartiles $q1 to $q3 %); reads the router sent to the replica: $share_pct %"
echo "  target ≤ 3 %: $verdict"
ryw0=$(awk '$1 == "ryw" && $2 == 0 {printf "%.1f", $4 * 100}' "$WORK/result.txt")
ryw100=$(awk '$1 == "ryw" && $2 == 100 {printf "%.1f", $4 * 100}' "$WORK/result.txt")
if [[ -n $ryw0 && -n $ryw100 ]]; then
    echo "  read-your-writes: reads held on the primary right after their write: $ryw0 % at 0 ms of apply delay, $ryw100 % at 100 ms ($PAIRS pairs each)"
fi

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## routing-overhead" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $runs | $pool | $routing | $overhead % (CI $lo to $hi %, IQR $q1 to $q3 %) | $share_pct % | $met |"
    if [[ -n $ryw0 && -n $ryw100 ]]; then
        add_result_row "$BENCH_DIR/RESULTS.md" "## read-your-writes-cost" \
            "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $PAIRS pairs, 8 threads | $ryw0 % | $ryw100 % |"
    fi
    say "recorded in bench/RESULTS.md"
fi
