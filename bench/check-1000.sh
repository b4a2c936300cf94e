#!/usr/bin/env bash
# bench/check-1000.sh: statically check COUNT migration files (default 1000) with keel and with
# squawk (npm package squawk-cli), ROUNDS times each (default 5), and append the medians to
# bench/RESULTS.md: whole-process wall time of each, and keel's in-process files per second, both
# in the launcher's cold JVM (first pass) and in a long-lived JVM (steady state, bench/CheckThroughput.java).
#
#   bash bench/check-1000.sh                 # the real run
#   ROUNDS=1 COUNT=50 RECORD=0 bash bench/check-1000.sh   # smoke test
#
# keel runs through ./keel, as users run it (C1 JIT, serial GC, and a class-data-sharing archive
# the launcher builds once per jar); JAVA_OPTS, when set, replaces the launcher's JVM options.
#
# Needs Java 17+, Maven (to build keel when its jar is missing) and npm (squawk-cli is installed
# into bench/work/squawk, which is git-ignored). No database: these are the static checks.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/check"
FILES="$WORK/migrations"
ROUNDS=${ROUNDS:-5}
COUNT=${COUNT:-1000}
RECORD=${RECORD:-1}
JAVA_OPTS=${JAVA_OPTS:-}
KEEL_JAR=$ROOT/keel-cli/target/keel.jar
SQUAWK_DIR="$BENCH_DIR/work/squawk"
SQUAWK="$SQUAWK_DIR/node_modules/.bin/squawk"

say() { echo "check-$COUNT: $*" >&2; }
die() { echo "check-$COUNT: error: $*" >&2; exit 1; }
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
[[ $COUNT =~ ^[1-9][0-9]*$ ]] || die "COUNT must be a positive integer"

if [[ ! -f $KEEL_JAR ]]; then
    say "building keel"
    (cd "$ROOT" && mvn -B -ntp -q -DskipTests package) >&2
fi
if [[ ! -x $SQUAWK ]]; then
    say "installing squawk-cli with npm"
    mkdir -p "$SQUAWK_DIR"
    npm install --no-audit --no-fund --silent --prefix "$SQUAWK_DIR" squawk-cli >&2
fi

# Realistic migration files: a new table with its index (fine), then changes to existing tables,
# some safe and some hazardous, so both tools have findings to report.
rm -rf "$FILES"
mkdir -p "$FILES"
for ((i = 1; i <= COUNT; i++)); do
    case $((i % 5)) in
    0) printf 'CREATE TABLE t_%d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\nCREATE INDEX t_%d_name_idx ON t_%d (name);\n' "$i" "$i" "$i" ;;
    1) printf 'ALTER TABLE orders ADD COLUMN c_%d text;\n' "$i" ;;
    2) printf 'CREATE INDEX orders_c_%d_idx ON orders (status, created_at);\n' "$i" ;;
    3) printf 'ALTER TABLE orders ADD CONSTRAINT orders_c_%d CHECK (total_cents >= 0) NOT VALID;\n' "$i" ;;
    4) printf 'ALTER TABLE orders ADD COLUMN token_%d uuid DEFAULT gen_random_uuid();\n' "$i" ;;
    esac >"$FILES/V${i}__change_$i.sql"
done

now_us() { local s=${EPOCHREALTIME/./}; printf -v "$1" '%s' "$s"; }
median() { printf '%s\n' $1 | sort -g | awk '{v[NR] = $1} END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'; }

keel_times=""
squawk_times=""
keel_rates=""
for ((r = 1; r <= ROUNDS; r++)); do
    now_us t0
    set +e
    # As users run it: through the launcher, which keeps a class-data-sharing archive of keel's classes.
    KEEL_JAVA_OPTS="${JAVA_OPTS:-}" "$ROOT/keel" -C "$WORK" check migrations --format json >"$WORK/keel.json" 2>"$WORK/keel.err"
    code=$?
    set -e
    now_us t1
    [[ $code -le 1 ]] || { cat "$WORK/keel.err" >&2; die "keel check failed (exit $code)"; }
    files=$(grep -o '"files" : [0-9]*' "$WORK/keel.json" | grep -o '[0-9]*$')
    [[ $files == "$COUNT" ]] || die "keel checked $files files, expected $COUNT"
    ms=$(grep -o '"elapsedMillis" : [0-9.]*' "$WORK/keel.json" | grep -o '[0-9.]*$')
    keel_times="$keel_times $(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b - a) / 1e6}')"
    keel_rates="$keel_rates $(awk -v n="$COUNT" -v ms="$ms" 'BEGIN{print n / (ms / 1000)}')"

    now_us t0
    set +e
    "$SQUAWK" --reporter json "$FILES"/*.sql >"$WORK/squawk.json" 2>"$WORK/squawk.err"
    code=$?
    set -e
    now_us t1
    [[ $code -le 1 ]] || { cat "$WORK/squawk.err" >&2; die "squawk failed (exit $code)"; }
    squawk_times="$squawk_times $(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b - a) / 1e6}')"
    say "round $r/$ROUNDS done"
done

keel_s=$(median "$keel_times")
squawk_s=$(median "$squawk_times")
rate=$(median "$keel_rates")
# The in-process rate of a long-lived JVM: the same files checked 40 times in one process.
say "steady-state rate: 40 rounds in one JVM"
read -r -a throughput_opts <<<"${JAVA_OPTS:-}" || true
steady_line=$(java "${throughput_opts[@]}" -cp "$KEEL_JAR" "$BENCH_DIR/CheckThroughput.java" "$FILES" 40)
steady=$(sed -n 's/.*steady=\([0-9]*\).*/\1/p' <<<"$steady_line")
[[ -n $steady ]] || die "CheckThroughput printed no rate: $steady_line"
squawk_version=$("$SQUAWK" --version | awk '{print $2}')
whole_ok=$(awk -v k="$keel_s" 'BEGIN{print (k <= 0.8) ? "yes" : "no"}')
rate_ok=$(awk -v r="$steady" 'BEGIN{print (r >= 10000) ? "yes" : "no"}')
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), Java $(java -version 2>&1 | awk -F'"' '/version/{print $2}')${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}"

printf '\ncheck-%d: %d files, median of %d, whole-process wall time\n' "$COUNT" "$COUNT" "$ROUNDS"
printf '  keel            %6.3f s   (in-process: first pass %.0f files/s, steady state %.0f files/s)\n' "$keel_s" "$rate" "$steady"
printf '  squawk %-8s %6.3f s\n' "$squawk_version" "$squawk_s"
printf '  targets: keel whole process <= 0.8 s: %s; in-process >= 10000 files/s: %s\n' "$whole_ok" "$rate_ok"

if [[ $RECORD -eq 1 ]]; then
    results="$BENCH_DIR/RESULTS.md"
    if ! grep -q '^## check-1000' "$results"; then
        cat >>"$results" <<'HEAD'

## check-1000: static checks of 1,000 migration files

Written by `bench/check-1000.sh`: whole-process wall time (JVM start included for keel), median
of the rounds; keel's in-process rate of reading and checking, in the launcher's cold JVM (first
pass) and in a long-lived JVM (steady state). Targets: keel ≤ 0.8 s whole process, ≥ 10,000 files/s
in-process (steady state). Reference from the issue: squawk 0.10 s.

| date | machine | runs | keel s | keel files/s first pass | squawk s | targets met | keel files/s steady |
| --- | --- | --- | --- | --- | --- | --- | --- |
HEAD
        # (the first row goes right under this header)
    fi
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$results" "## check-1000" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $COUNT × $ROUNDS | $keel_s | $(printf '%.0f' "$rate") | $squawk_s ($squawk_version) | whole: $whole_ok, rate: $rate_ok | $steady |"
    say "recorded in $results"
fi
