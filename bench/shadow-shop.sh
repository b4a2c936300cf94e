#!/usr/bin/env bash
# bench/shadow-shop.sh: the cost of `keel check --shadow` per pending migration on examples/shop,
# at scale 0 (schema only). A copy of the shop is migrated to V3 on its own embedded PostgreSQL;
# V4..V6 and the repeatable view stay pending. Each round times `keel check` with and without
# --shadow; the difference, divided by the pending migrations, is the shadow's cost per migration.
# Target (from the issue): under 1 s per migration. There is no peer tool to run beside it.
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
WORK="$BENCH_DIR/work/shadow-shop"
ROUNDS=${ROUNDS:-5}
RECORD=${RECORD:-1}
KEEL="$ROOT/keel"

rm -rf "$WORK"
mkdir -p "$WORK"
cp -r "$ROOT/examples/shop/db" "$ROOT/examples/shop/keel.yaml" "$WORK/"
trap '"$KEEL" -C "$WORK" db stop >/dev/null 2>&1 || true' EXIT
"$KEEL" -C "$WORK" migrate --target 3 >/dev/null 2>&1
pending=$("$KEEL" -C "$WORK" info --json | grep -c '"state" : "pending"')

now_us() { local s=${EPOCHREALTIME/./}; printf -v "$1" '%s' "$s"; }
median() { printf '%s\n' $1 | sort -g | awk '{v[NR] = $1} END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f", m }'; }
plain="" shadow=""
for ((r = 1; r <= ROUNDS; r++)); do
    now_us t0; "$KEEL" -C "$WORK" check >/dev/null 2>&1 || true; now_us t1
    plain="$plain $(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b - a) / 1e6}')"
    now_us t0; "$KEEL" -C "$WORK" check --shadow >"$WORK/shadow.txt" 2>&1 || true; now_us t1
    shadow="$shadow $(awk -v a="$t0" -v b="$t1" 'BEGIN{print (b - a) / 1e6}')"
done
grep -q "shadow-blocking-lock\|0 errors" "$WORK/shadow.txt" || { cat "$WORK/shadow.txt" >&2; echo "shadow-shop: the shadow check did not run" >&2; exit 1; }
plain_s=$(median "$plain")
shadow_s=$(median "$shadow")
per=$(awk -v s="$shadow_s" -v p="$plain_s" -v n="$pending" 'BEGIN{printf "%.3f", (s - p) / n}')
met=$(awk -v x="$per" 'BEGIN{print (x < 1) ? "yes" : "no"}')
echo "shadow-shop: $pending pending migrations; keel check ${plain_s} s, with --shadow ${shadow_s} s: ${per} s per migration (target < 1 s: $met)"

if [[ $RECORD -eq 1 ]]; then
    results="$BENCH_DIR/RESULTS.md"
    if ! grep -q '^## shadow-shop' "$results"; then
        cat >>"$results" <<'HEAD'

## shadow-shop: cost of the shadow analysis per migration

Written by `bench/shadow-shop.sh`: examples/shop migrated to V3, the rest pending; medians of
`keel check` with and without `--shadow` (whole process), and their difference per pending
migration. Scale 0 (schema only). Target: under 1 s per migration.

| date | machine | pending | check s | check --shadow s | shadow s per migration | target met |
| --- | --- | --- | --- | --- | --- | --- |
HEAD
    fi
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$results" "## shadow-shop" "| $(date -u '+%Y-%m-%d %H:%M UTC') | $(nproc) cores, Java $(java -version 2>&1 | awk -F'"' '/version/{print $2}') | $pending | $plain_s | $shadow_s | $per | $met |"
    echo "recorded in $results"
fi
