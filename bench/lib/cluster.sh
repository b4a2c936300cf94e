# bench/lib/cluster.sh: a throwaway PostgreSQL cluster for a benchmark, sourced by the scripts.
#
#   source "$BENCH_DIR/lib/cluster.sh"
#   bench_cluster_start "$WORK_DIR" "$LOG_DIR" [extra postgres -c settings…]   # sets PG_BINDIR PSQL PORT PGDATA_DIR
#   bench_cluster_stop                                                      # also runs from the caller's EXIT trap
#
# The cluster listens on 127.0.0.1 only, on a free port (or BENCH_PORT), with no Unix socket and trust
# authentication, and keeps PostgreSQL's default durable settings. As root, PostgreSQL's binaries run in
# a new user namespace: there the process is unprivileged but still owns the files it creates.

PGDATA_DIR=""
PORT=""

bench_find_pg_bindir() {
    if [[ -n ${PG_BINDIR:-} ]]; then
        echo "$PG_BINDIR"
        return
    fi
    local d
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir 2>/dev/null || true)
        if [[ -n $d && -x $d/initdb ]]; then
            echo "$d"
            return
        fi
    fi
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [[ -n $d && -x $d/initdb ]] || { echo "bench: error: no PostgreSQL server binaries found (set PG_BINDIR)" >&2; return 1; }
    echo "$d"
}

bench_as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        unshare --user -- "$@"
    else
        "$@"
    fi
}

bench_port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

bench_pick_port() {
    if [[ -n ${BENCH_PORT:-} ]]; then
        echo "$BENCH_PORT"
        return
    fi
    local p tries
    for ((tries = 0; tries < 100; tries++)); do
        p=$((20000 + RANDOM % 30000))
        if bench_port_is_free "$p"; then
            echo "$p"
            return
        fi
    done
    echo "bench: error: no free TCP port found on 127.0.0.1" >&2
    return 1
}

bench_cluster_start() {
    local work=$1 logs=$2
    shift 2
    PG_BINDIR=$(bench_find_pg_bindir)
    local b
    for b in initdb pg_ctl postgres; do
        [[ -x $PG_BINDIR/$b ]] || { echo "bench: error: $PG_BINDIR/$b not found (set PG_BINDIR)" >&2; return 1; }
    done
    if [[ -x $PG_BINDIR/psql ]]; then PSQL="$PG_BINDIR/psql"; else PSQL=$(command -v psql) || { echo "bench: error: psql not found" >&2; return 1; }; fi
    if [[ $(id -u) -eq 0 ]] && ! command -v unshare >/dev/null 2>&1; then
        echo "bench: error: running as root needs unshare (util-linux)" >&2
        return 1
    fi
    mkdir -p "$work" "$logs"
    PGDATA_DIR=$(mktemp -d "$work/pgdata.XXXXXX")
    chmod 700 "$PGDATA_DIR"
    bench_as_pg "$PG_BINDIR/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C >"$logs/initdb.log" 2>&1 \
        || { cat "$logs/initdb.log" >&2; return 1; }
    PORT=$(bench_pick_port)
    local opts="-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=''"
    local s
    for s in "$@"; do opts="$opts -c $s"; done
    bench_as_pg "$PG_BINDIR/pg_ctl" -D "$PGDATA_DIR" -l "$logs/postgres.log" -w -t 60 -o "$opts" start >"$logs/pg_ctl.log" 2>&1 || {
        cat "$logs/pg_ctl.log" "$logs/postgres.log" >&2 2>/dev/null
        echo "bench: error: PostgreSQL did not start" >&2
        return 1
    }
}

# Stops a background process of the script and reaps it. Never fails: under set -e a bare wait, whose
# status is the signal's, would end an EXIT trap before it stops the cluster.
stop_process() {
    [[ -n $1 ]] || return 0
    kill -TERM "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

bench_cluster_stop() {
    if [[ -n $PGDATA_DIR && -d $PGDATA_DIR ]]; then
        if [[ -f $PGDATA_DIR/postmaster.pid ]]; then
            bench_as_pg "$PG_BINDIR/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null 2>&1
            if [[ -f $PGDATA_DIR/postmaster.pid ]]; then
                # pg_ctl could not stop it: signal our own postmaster (its pid is in our data dir).
                local pid
                pid=$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null)
                if [[ $pid =~ ^[0-9]+$ ]]; then
                    kill -TERM "$pid" 2>/dev/null
                    sleep 2
                    kill -KILL "$pid" 2>/dev/null
                fi
            fi
        fi
        rm -rf -- "$PGDATA_DIR"
    fi
    PGDATA_DIR=""
}

bench_psql() {
    PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"
}
