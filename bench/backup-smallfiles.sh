#!/usr/bin/env bash
# bench/backup-smallfiles.sh: keel backup and restore of a cluster of many small tables (3,000 tables,
# about 13,000 files and little data), beside pgBackRest with repository bundling (repo1-bundle=y) and
# beside tar piped through zstd of the stopped data directory. What it shows is the cost per file, which
# a pgbench database of a few large files hides. Appends a row to bench/RESULTS.md. Targets: keel's
# backup and restore within 3 × tar+zstd's, and at most 1.0 × pgBackRest's.
#
#   bash bench/backup-smallfiles.sh                               # the real run (installs pgbackrest with apt if missing)
#   TABLES=300 ROUNDS=1 RECORD=0 bash bench/backup-smallfiles.sh  # smoke test
#   KEEL_LAUNCHER=/path/to/other/keel bash bench/backup-smallfiles.sh   # another build of keel, e.g. before a change
#
# Each of ROUNDS rounds (3) backs up and restores with keel and pgBackRest, starting with the other tool
# each round, then tar+zstd writes and extracts the stopped data directory ROUNDS times; the row records
# the medians. pgBackRest runs with zstd, process-max 2, bundling and a local repository; keel with zstd
# (its default level) and 2 parallel transfers; zstd with 2 threads at its default level.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/smallfiles"
LOG_DIR="$WORK/logs"
TABLES=${TABLES:-3000}
RECORD=${RECORD:-1}
ROUNDS=${ROUNDS:-3}
KEEL_LAUNCHER=${KEEL_LAUNCHER:-$ROOT/keel}

say() { echo "backup-smallfiles: $*" >&2; }
die() { echo "backup-smallfiles: error: $*" >&2; exit 1; }
[[ $TABLES =~ ^[1-9][0-9]*$ ]] || die "TABLES must be a positive integer"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"
command -v zstd >/dev/null 2>&1 || die "zstd is needed for the tar+zstd floor (apt-get install zstd)"

# shellcheck source=lib/cluster.sh
source "$BENCH_DIR/lib/cluster.sh"
# shellcheck source=lib/pgbackrest.sh
source "$BENCH_DIR/lib/pgbackrest.sh"
# shellcheck source=lib/restored.sh
source "$BENCH_DIR/lib/restored.sh"
bench_pgbackrest_install
cleanup() {
    bench_restored_stop_all
    bench_cluster_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$WORK"
mkdir -p "$LOG_DIR" "$WORK/keel-project"
say "starting PostgreSQL (archiving through pgBackRest, which needs it)"
bench_pgbackrest_cluster_start "$WORK" "$LOG_DIR" repo1-bundle=y
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')

say "$TABLES small tables (a primary key, a text column with its TOAST table, 20 rows each)"
bench_psql -d postgres -c "CREATE DATABASE bench"
for ((start = 0; start < TABLES; start += 250)); do
    bench_psql -d bench -c "DO \$\$ BEGIN FOR i IN $start..$((start + 249 < TABLES - 1 ? start + 249 : TABLES - 1)) LOOP
        EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, v text)', i);
        EXECUTE format('INSERT INTO t%s SELECT g, repeat(''x'', 20) || g FROM generate_series(1, 20) g', i);
    END LOOP; END \$\$"
done
bench_psql -d bench -c "VACUUM" >/dev/null
bench_psql -d postgres -c "CHECKPOINT" >/dev/null
DB_SIZE=$(bench_psql -d postgres -c "SELECT pg_size_pretty(sum(pg_database_size(oid))) FROM pg_database")
FILES=$(find "$PGDATA_DIR" -type f | wc -l)
ROWS=$(bench_psql -d bench -c "SELECT count(*) FROM t$((TABLES - 1))")
say "data directory: $FILES files, databases $DB_SIZE"

now() { date +%s.%N; }
# Every timed step starts with no dirty pages left by the step before, so no tool pays for another's writes.
settle() { sync; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
bytes() { du -sb "$1" | awk '{print $1}'; }

# The last table holds every row, and the number of tables is right.
check_restored() {
    local port=$1 tool=$2 got tables
    got=$(bench_restored_query "$port" "SELECT count(*) FROM t$((TABLES - 1))")
    tables=$(bench_restored_query "$port" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
    [[ $got == "$ROWS" && $tables == "$TABLES" ]] || die "$tool's restore holds $tables tables and $got rows in the last, expected $TABLES and $ROWS"
}

# ---------------------------------------------------------------- pgBackRest
bench_pgbackrest_stanza_create "$LOG_DIR"
pbr_round() {
    local round=$1 t0 t1 t2 target
    say "round $round: pgBackRest full backup"
    bench_pgbackrest_wait_archived
    settle
    t0=$(now); bench_pgbackrest_backup "$LOG_DIR/pgbackrest-backup-$round.log"
    t1=$(now); PBR_BACKUP+=("$(elapsed "$t0" "$t1")")
    say "round $round: pgBackRest restore"
    target="$WORK/restore-pgbackrest"
    mkdir -m 700 "$target"
    settle
    t0=$(now); bench_pgbackrest_restore "$target" "$LOG_DIR/pgbackrest-restore-$round.log"
    t1=$(now); PBR_RESTORE+=("$(elapsed "$t0" "$t1")")
    bench_restored_start "$target" $((PORT + 1)) "$LOG_DIR"
    t2=$(now); PBR_READY+=("$(elapsed "$t0" "$t2")")
    check_restored $((PORT + 1)) pgBackRest
    bench_restored_stop "$target"
    rm -rf "$target"
}

# ---------------------------------------------------------------- keel
KEEL=("$KEEL_LAUNCHER" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres" -C "$WORK/keel-project")
KEEL_REPO="file://$WORK/keel-repo"
"$KEEL_LAUNCHER" --version >/dev/null    # builds keel and its start-up archive outside the timings
"${KEEL[@]}" backup init --repo "$KEEL_REPO" >"$LOG_DIR/keel-init.log" 2>&1 || { cat "$LOG_DIR/keel-init.log" >&2; die "keel backup init failed"; }
keel_round() {
    local round=$1 t0 t1 t2 target port
    say "round $round: keel full backup"
    settle
    t0=$(now); "${KEEL[@]}" backup --repo "$KEEL_REPO" --type full --parallel 2 >"$LOG_DIR/keel-backup-$round.log" 2>&1 \
        || { cat "$LOG_DIR/keel-backup-$round.log" >&2; die "keel backup failed"; }
    t1=$(now); KEEL_BACKUP+=("$(elapsed "$t0" "$t1")")
    target="$WORK/restore-keel"
    # One restore, started and queried like pgBackRest's, so both follow the same step (their own backup): a
    # second restore right after deleting the first's 19,000 files measured the disk's clean-up more than keel.
    # "restore" is the JSON's fetchMillis (files written and durable), what pgBackRest's restore command covers;
    # "to accepting" adds keel's recovery and promotion.
    say "round $round: keel restore --start (to accepting connections)"
    bench_restored_track "$target"
    settle
    t0=$(now); "${KEEL[@]}" restore --repo "$KEEL_REPO" --target-dir "$target" --start --json >"$WORK/keel-start.json" 2>"$LOG_DIR/keel-restore-start-$round.log" \
        || { cat "$LOG_DIR/keel-restore-start-$round.log" >&2; die "keel restore --start failed"; }
    port=$(sed -n 's/.*"port" *: *\([0-9][0-9]*\).*/\1/p' "$WORK/keel-start.json" | head -n 1)
    fetch_ms=$(sed -n 's/.*"fetchMillis" *: *\([0-9][0-9]*\).*/\1/p' "$WORK/keel-start.json" | head -n 1)
    [[ -n $fetch_ms ]] || { cat "$WORK/keel-start.json" >&2; die "keel restore --start printed no fetchMillis"; }
    KEEL_RESTORE+=("$(awk -v m="$fetch_ms" 'BEGIN { printf "%.2f", m / 1000 }')")
    [[ -n $port ]] || { cat "$WORK/keel-start.json" >&2; die "keel restore --start printed no port"; }
    bench_restored_wait "$port"
    t2=$(now); KEEL_READY+=("$(elapsed "$t0" "$t2")")
    check_restored "$port" keel
    bench_restored_stop "$target"
    rm -rf "$target"
}

PBR_BACKUP=(); PBR_RESTORE=(); PBR_READY=()
KEEL_BACKUP=(); KEEL_RESTORE=(); KEEL_READY=()
bench_restored_track "$WORK/restore-pgbackrest"
# Each round starts with the other tool, so neither always runs on a cache the other warmed.
for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2 == 1)); then pbr_round "$round"; keel_round "$round"; else keel_round "$round"; pbr_round "$round"; fi
done
KEEL_OBJECTS=$(find "$WORK/keel-repo/backups" -type f | wc -l)
PBR_OBJECTS=$(find "$WORK/pgbackrest-repo/backup" -type f | wc -l)

# ---------------------------------------------------------------- the floor: tar+zstd of the stopped data directory
bench_as_pg "$PG_BINDIR/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
TAR_BACKUP=(); TAR_RESTORE=()
for ((round = 1; round <= ROUNDS; round++)); do
    say "round $round: tar+zstd of the stopped data directory (the floor)"
    settle
    t0=$(now); tar -cf - -C "$PGDATA_DIR" . | zstd -q -T2 -o "$WORK/floor.tar.zst"; sync "$WORK/floor.tar.zst"; t1=$(now)
    TAR_BACKUP+=("$(elapsed "$t0" "$t1")")
    mkdir -m 700 "$WORK/restore-tar"
    settle
    t0=$(now); zstd -q -d -c "$WORK/floor.tar.zst" | tar -xf - -C "$WORK/restore-tar"; sync -f "$WORK/restore-tar"; t1=$(now)
    TAR_RESTORE+=("$(elapsed "$t0" "$t1")")
    rm -rf "$WORK/restore-tar" "$WORK/floor.tar.zst"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
say "pgBackRest backups ${PBR_BACKUP[*]} s, restores ${PBR_RESTORE[*]} s, to accepting ${PBR_READY[*]} s"
say "keel backups ${KEEL_BACKUP[*]} s, restores ${KEEL_RESTORE[*]} s, to accepting ${KEEL_READY[*]} s"
say "tar+zstd backups ${TAR_BACKUP[*]} s, restores ${TAR_RESTORE[*]} s"
PBR_BACKUP=$(median "${PBR_BACKUP[@]}"); PBR_RESTORE=$(median "${PBR_RESTORE[@]}"); PBR_READY=$(median "${PBR_READY[@]}")
KEEL_BACKUP=$(median "${KEEL_BACKUP[@]}"); KEEL_RESTORE=$(median "${KEEL_RESTORE[@]}"); KEEL_READY=$(median "${KEEL_READY[@]}")
TAR_BACKUP=$(median "${TAR_BACKUP[@]}"); TAR_RESTORE=$(median "${TAR_RESTORE[@]}")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
R_BACKUP_PBR=$(ratio "$KEEL_BACKUP" "$PBR_BACKUP")
R_READY_PBR=$(ratio "$KEEL_READY" "$PBR_READY")
R_BACKUP_TAR=$(ratio "$KEEL_BACKUP" "$TAR_BACKUP")
R_RESTORE_TAR=$(ratio "$KEEL_RESTORE" "$TAR_RESTORE")
MET=$(awk -v bp="$R_BACKUP_PBR" -v rp="$R_READY_PBR" -v bt="$R_BACKUP_TAR" -v rt="$R_RESTORE_TAR" \
    'BEGIN { print (bp <= 1.0 && rp <= 1.0 && bt <= 3.0 && rt <= 3.0) ? "yes" : "no" }')
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, $(pgbackrest version)"

echo
echo "backup-smallfiles: $TABLES tables, $FILES files ($DB_SIZE), seconds, medians of $ROUNDS rounds"
echo "machine: $machine"
printf '  %-12s %8s %10s %14s %9s\n' tool backup restore "to accepting" objects
printf '  %-12s %8s %10s %14s %9s\n' pgBackRest "$PBR_BACKUP" "$PBR_RESTORE" "$PBR_READY" "$PBR_OBJECTS"
printf '  %-12s %8s %10s %14s %9s\n' keel "$KEEL_BACKUP" "$KEEL_RESTORE" "$KEEL_READY" "$KEEL_OBJECTS"
printf '  %-12s %8s %10s\n' "tar+zstd" "$TAR_BACKUP" "$TAR_RESTORE"
echo "  keel/pgBackRest: backup $R_BACKUP_PBR, restore to accepting $R_READY_PBR (targets ≤ 1.0)"
echo "  keel/tar+zstd: backup $R_BACKUP_TAR, restore $R_RESTORE_TAR (targets ≤ 3.0); met: $MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## backup-smallfiles" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $TABLES tables, $FILES files × $ROUNDS, one keel restore | $KEEL_BACKUP | $PBR_BACKUP | $TAR_BACKUP | $KEEL_RESTORE | $PBR_RESTORE | $TAR_RESTORE | $KEEL_READY | $PBR_READY | $R_BACKUP_PBR | $R_READY_PBR | $R_BACKUP_TAR | $R_RESTORE_TAR | $MET |"
    say "recorded in bench/RESULTS.md"
fi
