# bench/lib/pgbackrest.sh: pgBackRest beside keel on the benchmark's cluster, sourced after lib/cluster.sh.
#
#   source "$BENCH_DIR/lib/pgbackrest.sh"
#   bench_pgbackrest_install                                 # apt-get install pgbackrest when it is missing
#   bench_pgbackrest_cluster_start "$WORK" "$LOG_DIR" [extra [global] options…]   # sets PBR_CONF, and what
#                                                            # bench_cluster_start sets
#   bench_pgbackrest_stanza_create "$LOG_DIR"
#   bench_pgbackrest_wait_archived                           # switches WAL and waits until it is archived
#   bench_pgbackrest_backup "$LOG_DIR/log"                   # a full backup
#   bench_pgbackrest_restore "$TARGET" "$LOG_DIR/log"        # to the end of that backup, promoted
#
# The cluster archives through pgBackRest (which refuses to back up a cluster that does not) into a local
# repository under WORK/pgbackrest-repo, with zstd and process-max 2; pgBackRest reaches it through a Unix
# socket in WORK/sock, the cluster's only one.

PBR_CONF=""

bench_pgbackrest_install() {
    command -v pgbackrest >/dev/null 2>&1 && return
    echo "bench: installing pgbackrest (Debian package)" >&2
    command -v apt-get >/dev/null 2>&1 || { echo "bench: error: pgbackrest is missing and apt-get is not available to install it" >&2; return 1; }
    apt-get install -y pgbackrest >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y pgbackrest >/dev/null 2>&1; } \
        || { echo "bench: error: could not install pgbackrest with apt-get" >&2; return 1; }
}

bench_pgbackrest_cluster_start() {
    local work=$1 logs=$2
    shift 2
    mkdir -p "$logs" "$work/sock" "$work/pgbackrest-repo"
    chmod 777 "$work/sock"
    PBR_CONF="$work/pgbackrest.conf"
    bench_cluster_start "$work" "$logs" "unix_socket_directories=$work/sock" "archive_mode=on" \
        "archive_command='pgbackrest --config=$PBR_CONF --stanza=bench archive-push %p'"
    local extra=""
    if (($# > 0)); then extra=$(printf '%s\n' "$@"); fi
    {
        echo "[global]"
        echo "repo1-path=$work/pgbackrest-repo"
        echo "repo1-retention-full=9999"
        [[ -n $extra ]] && echo "$extra"
        cat <<CONF
compress-type=zst
process-max=2
log-level-console=warn
log-level-file=off
lock-path=$work
[bench]
pg1-path=$PGDATA_DIR
pg1-port=$PORT
pg1-socket-path=$work/sock
pg1-user=postgres
CONF
    } >"$PBR_CONF"
}

# Until the stanza exists, archive-push fails and PostgreSQL keeps the WAL to archive later.
bench_pgbackrest_stanza_create() {
    local logs=$1
    pgbackrest --config="$PBR_CONF" --stanza=bench stanza-create >"$logs/pgbackrest-stanza.log" 2>&1 \
        || { cat "$logs/pgbackrest-stanza.log" >&2; echo "bench: error: pgbackrest stanza-create failed" >&2; return 1; }
}

# Ends the current WAL segment and waits until pgBackRest has archived it, so a backup starts with no
# archiving of earlier WAL still under way.
bench_pgbackrest_wait_archived() {
    local seg
    seg=$(bench_psql -d postgres -c "SELECT pg_walfile_name(pg_switch_wal())")
    # The last archived file may be a later segment or a backup history file (…0028.backup): compare segment names.
    local deadline=$((SECONDS + ${BENCH_ARCHIVE_WAIT_S:-300}))
    until [[ $(bench_psql -d postgres -c "SELECT coalesce(substr(last_archived_wal, 1, 24) >= '$seg', false) FROM pg_stat_archiver") == t ]]; do
        if ((SECONDS >= deadline)); then
            echo "bench: error: pgBackRest did not archive $seg within ${BENCH_ARCHIVE_WAIT_S:-300} s ($(bench_psql -d postgres \
                -c "SELECT 'archived ' || coalesce(last_archived_wal, 'nothing') || ', failed ' || failed_count || ' times, last ' || coalesce(last_failed_wal, '-') FROM pg_stat_archiver"))" >&2
            return 1
        fi
        sleep 0.2
    done
}

bench_pgbackrest_backup() {
    local log=$1
    pgbackrest --config="$PBR_CONF" --stanza=bench --type=full backup >"$log" 2>&1 \
        || { cat "$log" >&2; echo "bench: error: pgbackrest backup failed" >&2; return 1; }
}

bench_pgbackrest_restore() {
    local target=$1 log=$2
    pgbackrest --config="$PBR_CONF" --stanza=bench --pg1-path="$target" --type=immediate --target-action=promote restore >"$log" 2>&1 \
        || { cat "$log" >&2; echo "bench: error: pgbackrest restore failed" >&2; return 1; }
}
