#!/usr/bin/env bash
# bench/migrate-500.sh: apply COUNT migrations (default 500) to an empty database with keel,
# with Flyway and with one psql process (the floor). Each tool runs ROUNDS times (default 5)
# against a fresh database on one local PostgreSQL cluster. The script prints the median
# whole-process wall time of each, and appends a dated row to bench/RESULTS.md.
#
#   bash bench/migrate-500.sh                    # the real run: 500 migrations, 5 rounds
#   ROUNDS=1 COUNT=20 SKIP_KEEL=1 RECORD=0 bash bench/migrate-500.sh   # quick smoke test
#
# Environment:
#   ROUNDS        rounds per tool; the reported figure is the median (default 5)
#   COUNT         number of migrations V1..V<COUNT> (default 500)
#   JAVA_OPTS     JVM options for both JVM tools (default: none; keel then runs with its
#                 launcher's own options, see below)
#   SKIP_KEEL=1   measure only Flyway and psql (e.g. before keel.jar exists)
#   RECORD=0      do not append a row to RESULTS.md
#   RESULTS_FILE  where to append the row (default: bench/RESULTS.md)
#   KEEL_JAR      a keel jar to measure with plain `java -jar` instead of the launcher
#                 (default: keel-cli/target/keel.jar through ./keel, built if missing)
#
# keel runs through ./keel, as users run it: the launcher's JVM options (C1 JIT, serial GC) and its
# class-data-sharing archive, trained before the first round. JAVA_OPTS, when set, replaces the
# launcher's options. Each round starts with a different tool, so no tool always follows the same one.
#   PG_BINDIR     PostgreSQL server binaries (default: `pg_config --bindir`, else the newest
#                 /usr/lib/postgresql/*/bin)
#   BENCH_PORT    TCP port for the cluster on 127.0.0.1 (default: a free one)
#
# Needs Java 17+, Maven (only to build the jars when they are missing), PostgreSQL server
# binaries and psql. Scratch files (migrations, cluster, logs) go to bench/work/, which is
# git-ignored; the cluster is stopped and deleted on exit, also on failure.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work"
PROJECT_DIR="$WORK/migrations"            # keel's -C directory
MIGRATIONS_DIR="$PROJECT_DIR/db/migrations"
LOG_DIR="$WORK/logs"

ROUNDS=${ROUNDS:-5}
COUNT=${COUNT:-500}
SKIP_KEEL=${SKIP_KEEL:-0}
RECORD=${RECORD:-1}
RESULTS_FILE=${RESULTS_FILE:-$BENCH_DIR/RESULTS.md}
JAVA_OPTS=${JAVA_OPTS:-}
read -r -a JAVA_OPTS_ARR <<<"$JAVA_OPTS" || true

DEFAULT_KEEL_JAR="$ROOT/keel-cli/target/keel.jar"
KEEL_JAR=${KEEL_JAR:-$DEFAULT_KEEL_JAR}
FLYWAY_POM="$BENCH_DIR/flyway-runner/pom.xml"
FLYWAY_JAR="$BENCH_DIR/flyway-runner/target/flyway-runner.jar"
DB=keel_bench

die() { echo "migrate-500: error: $*" >&2; exit 1; }
say() { echo "migrate-500: $*" >&2; }

[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer (got '$ROUNDS')"
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive integer (got '$COUNT')"
case $SKIP_KEEL in 0 | 1) ;; *) die "SKIP_KEEL must be 0 or 1" ;; esac
case $RECORD in 0 | 1) ;; *) die "RECORD must be 0 or 1" ;; esac

# ---------------------------------------------------------------- tools
# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
PG_BINDIR=$(bench_find_pg_bindir) || exit 1
command -v java >/dev/null 2>&1 || die "java not found"

# ---------------------------------------------------------------- build the jars if missing
if [[ ! -f $FLYWAY_JAR ]]; then
    say "building the Flyway runner (bench/flyway-runner)"
    command -v mvn >/dev/null 2>&1 || die "mvn not found (needed to build $FLYWAY_JAR)"
    mvn -B -ntp -q -f "$FLYWAY_POM" -DskipTests package
    [[ -f $FLYWAY_JAR ]] || die "build did not produce $FLYWAY_JAR"
fi
if [[ $SKIP_KEEL -eq 0 && ! -f $KEEL_JAR ]]; then
    [[ $KEEL_JAR == "$DEFAULT_KEEL_JAR" ]] || die "KEEL_JAR=$KEEL_JAR not found"
    say "building keel (mvn package in $ROOT)"
    command -v mvn >/dev/null 2>&1 || die "mvn not found (needed to build $KEEL_JAR)"
    (cd -- "$ROOT" && mvn -B -ntp -q -DskipTests package)
    [[ -f $KEEL_JAR ]] || die "build did not produce $KEEL_JAR"
fi
FLYWAY_VERSION=$(java -jar "$FLYWAY_JAR" --version 2>/dev/null | tail -n 1 || true)
[[ -n $FLYWAY_VERSION ]] || FLYWAY_VERSION=unknown

# ---------------------------------------------------------------- migrations
rm -rf -- "$PROJECT_DIR" "$LOG_DIR"
mkdir -p -- "$MIGRATIONS_DIR" "$LOG_DIR"
say "generating $COUNT migrations in ${MIGRATIONS_DIR#"$ROOT"/}"
PSQL_FILE_ARGS=()
for ((i = 1; i <= COUNT; i++)); do
    f="$MIGRATIONS_DIR/V${i}__table_${i}.sql"
    printf 'CREATE TABLE t_%d (id bigint primary key, name text not null, created_at timestamptz not null default now());\nCREATE INDEX t_%d_name_idx ON t_%d (name);\n' \
        "$i" "$i" "$i" >"$f"
    PSQL_FILE_ARGS+=(-f "$f")
done

# ---------------------------------------------------------------- the cluster
# The original stderr, for messages from the exit trap: a signal can arrive while a tool's
# output is redirected to its log.
exec {ERR_FD}>&2
cleanup() {
    local rc=$?
    set +e
    exec 2>&"$ERR_FD" >&"$ERR_FD"
    [[ -n $PGDATA_DIR ]] && say "stopping PostgreSQL"
    bench_cluster_stop
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

say "starting PostgreSQL (default durable settings: fsync on)"
bench_cluster_start "$WORK" "$LOG_DIR" || die "PostgreSQL did not start"
say "PostgreSQL on 127.0.0.1:$PORT, data in ${PGDATA_DIR#"$ROOT"/}"

admin_sql() { bench_psql -d postgres "$@"; }
PG_VERSION=$(admin_sql -c 'SHOW server_version' | awk '{print $1}')

fresh_db() {
    admin_sql -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" -c "CHECKPOINT" >/dev/null
}

# Checks that the run created COUNT tables t_N and COUNT indexes t_N_name_idx.
check_db() {
    local tool=$1 round=$2 got
    got=$("$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" -c \
        "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename ~ '^t_[0-9]+\$')
             || ' ' ||
                (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname ~ '^t_[0-9]+_name_idx\$')")
    if [[ $got != "$COUNT $COUNT" ]]; then
        echo "migrate-500: FAILED: $tool round $round left tables/indexes '$got', expected '$COUNT $COUNT'" >&2
        echo "migrate-500: its output: $LOG_DIR/$tool-$round.log (last lines below)" >&2
        tail -n 30 "$LOG_DIR/$tool-$round.log" >&2 || true
        exit 1
    fi
}

# Wall clock in microseconds, without forking when bash has EPOCHREALTIME.
now_us() {
    if [[ -n ${EPOCHREALTIME:-} ]]; then
        local t=${EPOCHREALTIME/[.,]/}
        printf -v "$1" '%s' "$((10#$t))"
    else
        printf -v "$1" '%s' "$(($(date +%s%N) / 1000))"
    fi
}

URL="jdbc:postgresql://127.0.0.1:$PORT/$DB?user=postgres"
run_keel() {
    if [[ $KEEL_JAR == "$DEFAULT_KEEL_JAR" ]]; then
        KEEL_JAVA_OPTS="$JAVA_OPTS" "$ROOT/keel" "$@"
    else
        java "${JAVA_OPTS_ARR[@]}" -jar "$KEEL_JAR" "$@"
    fi
}
if [[ $SKIP_KEEL -eq 0 ]]; then
    # Trains the launcher's class-data-sharing archive (once per jar) outside the timed rounds.
    run_keel --version >/dev/null
fi
run_tool() {
    case $1 in
    keel) run_keel --url "$URL" -C "$PROJECT_DIR" migrate ;;
    flyway) java "${JAVA_OPTS_ARR[@]}" -jar "$FLYWAY_JAR" "$URL" "$MIGRATIONS_DIR" ;;
    psql) "$PSQL" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d "$DB" "${PSQL_FILE_ARGS[@]}" ;;
    esac
}

TOOLS=(keel flyway psql)
[[ $SKIP_KEEL -eq 1 ]] && TOOLS=(flyway psql)
declare -A TIMES=()   # tool -> space-separated microseconds

say "$COUNT migrations, $ROUNDS round(s), tools: ${TOOLS[*]}, JAVA_OPTS='${JAVA_OPTS}'"
for ((r = 1; r <= ROUNDS; r++)); do
    ORDER=()
    for ((k = 0; k < ${#TOOLS[@]}; k++)); do ORDER+=("${TOOLS[$(((r - 1 + k) % ${#TOOLS[@]}))]}"); done
    for tool in "${ORDER[@]}"; do
        fresh_db
        log="$LOG_DIR/$tool-$r.log"
        now_us t0
        if ! run_tool "$tool" >"$log" 2>&1; then
            echo "migrate-500: FAILED: $tool round $r exited non-zero; output in $log (last lines below)" >&2
            tail -n 30 "$log" >&2 || true
            exit 1
        fi
        now_us t1
        check_db "$tool" "$r"
        us=$((t1 - t0))
        TIMES[$tool]="${TIMES[$tool]:-} $us"
        printf 'migrate-500: round %d/%d  %-6s %8.3f s\n' "$r" "$ROUNDS" "$tool" "$(awk -v u="$us" 'BEGIN{print u/1e6}')" >&2
    done
done
admin_sql -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null

# ---------------------------------------------------------------- results
# Median in seconds of a list of microsecond values.
median_s() {
    printf '%s\n' $1 | sort -n | awk '{v[NR] = $1} END {
        if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2;
        printf "%.3f", m / 1e6 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
all_s() { printf '%s\n' $1 | awk '{printf "%s%.2f", (NR > 1 ? " " : ""), $1 / 1e6}'; }

FLYWAY_S=$(median_s "${TIMES[flyway]}")
PSQL_S=$(median_s "${TIMES[psql]}")
if [[ $SKIP_KEEL -eq 0 ]]; then
    KEEL_S=$(median_s "${TIMES[keel]}")
    R_KF=$(ratio "$KEEL_S" "$FLYWAY_S")
    R_KP=$(ratio "$KEEL_S" "$PSQL_S")
    MET_F=$(awk -v k="$KEEL_S" -v f="$FLYWAY_S" 'BEGIN { print (k <= 0.5 * f) ? "yes" : "no" }')
    MET_P=$(awk -v k="$KEEL_S" -v p="$PSQL_S" 'BEGIN { print (k <= 1.5 * p) ? "yes" : "no" }')
    if [[ $MET_F == yes && $MET_P == yes ]]; then MET=yes; else MET=no; fi
    MET_DETAIL="$MET (≤0.5×Flyway: $MET_F, ≤1.5×psql: $MET_P)"
else
    KEEL_S=skipped R_KF=n/a R_KP=n/a MET=n/a MET_DETAIL="n/a (keel skipped)"
fi

NPROC=$(nproc 2>/dev/null || echo '?')
CPU=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || true)
[[ -n $CPU ]] || CPU=$(uname -m)
MEM=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576; exit}' /proc/meminfo 2>/dev/null || echo '?')
JAVA_VERSION=$(java -version 2>&1 | awk -F'"' '/version/ {print $2; exit}')
MACHINE="$NPROC cores, $CPU, $MEM, PostgreSQL $PG_VERSION, Java $JAVA_VERSION"
[[ -n $JAVA_OPTS ]] && MACHINE="$MACHINE, JAVA_OPTS=$JAVA_OPTS"
MACHINE=${MACHINE//|/\/}
DATE=$(date -u '+%Y-%m-%d %H:%M UTC')

echo
echo "migrate-$COUNT: $COUNT migrations on an empty database, median of $ROUNDS, whole-process wall time"
echo "machine: $MACHINE"
printf '  %-22s %10s   %s\n' "tool" "median s" "all rounds (s)"
[[ $SKIP_KEEL -eq 0 ]] && printf '  %-22s %10s   %s\n' "keel" "$KEEL_S" "$(all_s "${TIMES[keel]}")"
printf '  %-22s %10s   %s\n' "Flyway $FLYWAY_VERSION" "$FLYWAY_S" "$(all_s "${TIMES[flyway]}")"
printf '  %-22s %10s   %s\n' "psql (floor)" "$PSQL_S" "$(all_s "${TIMES[psql]}")"
echo "  keel/Flyway: $R_KF (target ≤ 0.50)   keel/psql: $R_KP (target ≤ 1.50)"
echo "  targets met: $MET_DETAIL"

if [[ $RECORD -eq 1 ]]; then
    [[ -f $RESULTS_FILE ]] || die "$RESULTS_FILE not found (set RECORD=0 to skip recording)"
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$RESULTS_FILE" "## migrate-500" "$(printf '| %s | %s | %s × %s | %s | %s (%s) | %s | %s | %s | %s |' \
        "$DATE" "$MACHINE" "$COUNT" "$ROUNDS" "$KEEL_S" "$FLYWAY_S" "$FLYWAY_VERSION" "$PSQL_S" \
        "$R_KF" "$R_KP" "$MET")"
    echo "recorded in ${RESULTS_FILE}"
fi
