#!/usr/bin/env bash
# bench/backup-pgbench.sh: keel backup and restore beside pgBackRest on a pgbench database (scale
# 100, about 1.5 GB), in one run on one cluster: full backup wall time, repository size, restore wall
# time and restore-to-accepting-connections time, plus `tar` of the stopped data directory as the
# floor. Appends a row to bench/RESULTS.md. Targets: keel's backup and restore times at most 1.0 ×
# pgBackRest's, its repository at most 1.1 × pgBackRest's size.
#
#   bash bench/backup-pgbench.sh                    # the real run (installs pgbackrest with apt if missing)
#   SCALE=5 ROUNDS=1 RECORD=0 bash bench/backup-pgbench.sh   # smoke test
#
# Each of ROUNDS rounds (3) backs up and restores with both tools, starting with the other tool each
# round; the row records the medians.
#
# pgBackRest runs with zstd, process-max 2 and a local repository; keel with zstd (its default level)
# and 2 parallel transfers. Both take their backup from the running cluster, while it is idle.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/backup"
LOG_DIR="$WORK/logs"
SCALE=${SCALE:-100}
RECORD=${RECORD:-1}
ROUNDS=${ROUNDS:-3}

say() { echo "backup-pgbench: $*" >&2; }
die() { echo "backup-pgbench: error: $*" >&2; exit 1; }
[[ $SCALE =~ ^[1-9][0-9]*$ ]] || die "SCALE must be a positive integer"
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer"

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
bench_pgbackrest_cluster_start "$WORK" "$LOG_DIR"
PG_VERSION=$(bench_psql -d postgres -c 'SHOW server_version' | awk '{print $1}')

say "pgbench -i -s $SCALE"
bench_psql -d postgres -c "CREATE DATABASE bench"
"$PG_BINDIR/pgbench" -i -q -s "$SCALE" -h 127.0.0.1 -p "$PORT" -U postgres bench >"$LOG_DIR/pgbench-init.log" 2>&1 || die "pgbench -i failed"
bench_psql -d postgres -c "CHECKPOINT" >/dev/null
DB_SIZE=$(bench_psql -d postgres -c "SELECT pg_size_pretty(sum(pg_database_size(oid))) FROM pg_database")
ACCOUNTS=$(bench_psql -d bench -c "SELECT count(*) FROM pgbench_accounts")

now() { date +%s.%N; }
# Every timed step starts with no dirty pages left by the step before, so no tool pays for another's writes.
settle() { sync; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
bytes() { du -sb "$1" | awk '{print $1}'; }

check_restored() {
    local port=$1 tool=$2 got
    got=$(bench_restored_query "$port" "SELECT count(*) FROM pgbench_accounts")
    [[ $got == "$ACCOUNTS" ]] || die "$tool's restore holds $got pgbench_accounts rows, expected $ACCOUNTS"
}

# ---------------------------------------------------------------- pgBackRest
bench_pgbackrest_stanza_create "$LOG_DIR"
pbr_round() {
    local round=$1 archive_before backup_before t0 t1 t2 target
    say "round $round: pgBackRest full backup"
    # Its repository also holds the WAL archived while pgbench loaded the data: count the backup's own
    # files and the WAL archived during the backup, as keel's repository holds exactly those.
    bench_pgbackrest_wait_archived
    archive_before=$(bytes "$WORK/pgbackrest-repo/archive")
    backup_before=$(bytes "$WORK/pgbackrest-repo/backup")
    settle
    t0=$(now); bench_pgbackrest_backup "$LOG_DIR/pgbackrest-backup-$round.log"
    t1=$(now); PBR_BACKUP+=("$(elapsed "$t0" "$t1")")
    PBR_SIZE+=($(( $(bytes "$WORK/pgbackrest-repo/backup") - backup_before + $(bytes "$WORK/pgbackrest-repo/archive") - archive_before )))
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
KEEL=("$ROOT/keel" --url "jdbc:postgresql://127.0.0.1:$PORT/bench?user=postgres" -C "$WORK/keel-project")
KEEL_REPO="file://$WORK/keel-repo"
"$ROOT/keel" --version >/dev/null    # builds keel and its start-up archive outside the timings
"${KEEL[@]}" backup init --repo "$KEEL_REPO" >"$LOG_DIR/keel-init.log" 2>&1 || { cat "$LOG_DIR/keel-init.log" >&2; die "keel backup init failed"; }
keel_round() {
    local round=$1 before t0 t1 t2 target port
    say "round $round: keel full backup"
    before=$(bytes "$WORK/keel-repo")
    settle
    t0=$(now); "${KEEL[@]}" backup --repo "$KEEL_REPO" --type full --parallel 2 >"$LOG_DIR/keel-backup-$round.log" 2>&1 \
        || { cat "$LOG_DIR/keel-backup-$round.log" >&2; die "keel backup failed"; }
    t1=$(now); KEEL_BACKUP+=("$(elapsed "$t0" "$t1")")
    KEEL_SIZE+=($(( $(bytes "$WORK/keel-repo") - before )))
    say "round $round: keel restore"
    target="$WORK/restore-keel"
    # keel restore also recovers and promotes (then stops the cluster): more than pgBackRest's restore does.
    settle
    t0=$(now); "${KEEL[@]}" restore --repo "$KEEL_REPO" --target-dir "$target" >"$LOG_DIR/keel-restore-$round.log" 2>&1 \
        || { cat "$LOG_DIR/keel-restore-$round.log" >&2; die "keel restore failed"; }
    t1=$(now); KEEL_RESTORE+=("$(elapsed "$t0" "$t1")")
    rm -rf "$target"
    say "round $round: keel restore --start (to accepting connections)"
    bench_restored_track "$target"
    settle
    t0=$(now); "${KEEL[@]}" restore --repo "$KEEL_REPO" --target-dir "$target" --start --json >"$WORK/keel-start.json" 2>"$LOG_DIR/keel-restore-start-$round.log" \
        || { cat "$LOG_DIR/keel-restore-start-$round.log" >&2; die "keel restore --start failed"; }
    port=$(sed -n 's/.*"port" *: *\([0-9][0-9]*\).*/\1/p' "$WORK/keel-start.json" | head -n 1)
    [[ -n $port ]] || { cat "$WORK/keel-start.json" >&2; die "keel restore --start printed no port"; }
    bench_restored_wait "$port"
    t2=$(now); KEEL_READY+=("$(elapsed "$t0" "$t2")")
    check_restored "$port" keel
    bench_restored_stop "$target"
    rm -rf "$target"
}

PBR_BACKUP=(); PBR_SIZE=(); PBR_RESTORE=(); PBR_READY=()
KEEL_BACKUP=(); KEEL_SIZE=(); KEEL_RESTORE=(); KEEL_READY=()
bench_restored_track "$WORK/restore-pgbackrest"
# Each round starts with the other tool, so neither always runs on a cache the other warmed.
for ((round = 1; round <= ROUNDS; round++)); do
    if ((round % 2 == 1)); then pbr_round "$round"; keel_round "$round"; else keel_round "$round"; pbr_round "$round"; fi
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
say "pgBackRest backups ${PBR_BACKUP[*]} s, restores ${PBR_RESTORE[*]} s, to accepting ${PBR_READY[*]} s"
say "keel backups ${KEEL_BACKUP[*]} s, restores ${KEEL_RESTORE[*]} s, to accepting ${KEEL_READY[*]} s"
PBR_BACKUP=$(median "${PBR_BACKUP[@]}"); PBR_RESTORE=$(median "${PBR_RESTORE[@]}"); PBR_READY=$(median "${PBR_READY[@]}"); PBR_SIZE=$(median "${PBR_SIZE[@]}")
KEEL_BACKUP=$(median "${KEEL_BACKUP[@]}"); KEEL_RESTORE=$(median "${KEEL_RESTORE[@]}"); KEEL_READY=$(median "${KEEL_READY[@]}"); KEEL_SIZE=$(median "${KEEL_SIZE[@]}")

# ---------------------------------------------------------------- the floor: tar of the stopped data directory
say "tar of the stopped data directory (the floor)"
bench_as_pg "$PG_BINDIR/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
settle
t0=$(now); tar -cf "$WORK/floor.tar" -C "$PGDATA_DIR" . ; t1=$(now); TAR_S=$(elapsed "$t0" "$t1")
rm -f "$WORK/floor.tar"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
R_BACKUP=$(ratio "$KEEL_BACKUP" "$PBR_BACKUP")
R_RESTORE=$(ratio "$KEEL_READY" "$PBR_READY")
R_SIZE=$(ratio "$KEEL_SIZE" "$PBR_SIZE")
MET=$(awk -v b="$R_BACKUP" -v r="$R_RESTORE" -v s="$R_SIZE" 'BEGIN { print (b <= 1.0 && r <= 1.0 && s <= 1.1) ? "yes" : "no" }')
mb() { awk -v b="$1" 'BEGIN { printf "%.0f", b / 1048576 }'; }
machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //; s/ [0-9]*-Core.*//'), PostgreSQL $PG_VERSION, $(pgbackrest version)"

echo
echo "backup-pgbench: scale $SCALE ($DB_SIZE), seconds and MB, medians of $ROUNDS rounds"
echo "machine: $machine"
printf '  %-12s %8s %8s %10s %14s\n' tool backup "repo MB" restore "to accepting"
printf '  %-12s %8s %8s %10s %14s\n' pgBackRest "$PBR_BACKUP" "$(mb "$PBR_SIZE")" "$PBR_RESTORE" "$PBR_READY"
printf '  %-12s %8s %8s %10s %14s\n' keel "$KEEL_BACKUP" "$(mb "$KEEL_SIZE")" "$KEEL_RESTORE" "$KEEL_READY"
printf '  %-12s %8s\n' "tar (floor)" "$TAR_S"
echo "  keel/pgBackRest: backup $R_BACKUP, restore to accepting $R_RESTORE (targets ≤ 1.0), size $R_SIZE (≤ 1.1); met: $MET"

if [[ $RECORD -eq 1 ]]; then
    # shellcheck source=results-row.sh
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$BENCH_DIR/RESULTS.md" "## backup-pgbench" \
        "| $(date -u '+%Y-%m-%d %H:%M UTC') | $machine | $SCALE ($DB_SIZE) × $ROUNDS | $KEEL_BACKUP | $PBR_BACKUP | $(mb "$KEEL_SIZE") | $(mb "$PBR_SIZE") | $KEEL_RESTORE | $PBR_RESTORE | $KEEL_READY | $PBR_READY | $TAR_S | $MET |"
    say "recorded in bench/RESULTS.md"
fi
