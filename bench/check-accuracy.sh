#!/usr/bin/env bash
# bench/check-accuracy.sh: keel and squawk on the same corpus (keel-migrate/src/test/resources/corpus),
# counting per case whether each tool calls it hazardous. Truth comes from the case's name: *-err is
# a hazard, *-ok is safe (*-warn cases, style advice, are left out). squawk runs with --pg-version
# from the case and --assume-in-transaction (keel runs each file in one), without its purely
# stylistic rules; a case counts as hazardous for keel when it reports an error-level finding.
# Cases that use keel's own waiver comments are left out: squawk has its own ignore syntax.
# Appends a row to bench/RESULTS.md (RECORD=0 to skip).
set -euo pipefail

BENCH_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
ROOT=$(cd -- "$BENCH_DIR/.." && pwd -P)
CORPUS="$ROOT/keel-migrate/src/test/resources/corpus"
WORK="$BENCH_DIR/work/accuracy"
SQUAWK_DIR="$BENCH_DIR/work/squawk"
SQUAWK="$SQUAWK_DIR/node_modules/.bin/squawk"
RECORD=${RECORD:-1}
# Style and robustness advice, not hazards to a live database; and the timeout rules, because keel's
# runner sets lock_timeout and statement_timeout itself (they would flag every DDL statement).
STYLE="prefer-robust-stmts,prefer-bigint-over-int,prefer-bigint-over-smallint,prefer-identity,prefer-text-field,prefer-timestamptz,require-timeout-settings,require-lock-timeout,require-statement-timeout"

if [[ ! -x $SQUAWK ]]; then
    mkdir -p "$SQUAWK_DIR"
    npm install --no-audit --no-fund --silent --prefix "$SQUAWK_DIR" squawk-cli >&2
fi
"$ROOT/keel" --version >/dev/null   # builds keel if needed
rm -rf "$WORK"
mkdir -p "$WORK"

keel_tp=0 keel_fn=0 keel_fp=0 keel_tn=0 sq_tp=0 sq_fn=0 sq_fp=0 sq_tn=0 cases=0
missed_by_squawk="" squawk_false_alarms=""
for case in "$CORPUS"/*; do
    name=$(basename "$case" .sql)
    case $name in
    *-err) truth=1 ;;
    *-ok) truth=0 ;;
    *) continue ;;
    esac
    if [[ -d $case ]]; then files=("$case"/*.sql); else files=("$case"); fi
    grep -q '^-- runner: other' "${files[0]}" && continue   # keel's runner-specific cases
    grep -q 'keel:allow' "${files[@]}" && continue          # keel's waiver syntax means nothing to squawk
    pg=$(sed -n 's/^-- pg: \([0-9]*\)$/\1/p' "${files[0]}" | head -n 1)
    pg=${pg:-17}
    cases=$((cases + 1))

    set +e
    errors=$("$ROOT/keel" check "${files[@]}" --pg-version "$pg" --format json 2>/dev/null | grep -o '"errors" : [0-9]*' | grep -o '[0-9]*$')
    "$SQUAWK" --reporter json --pg-version "$pg.0" --assume-in-transaction --exclude "$STYLE" "${files[@]}" >"$WORK/squawk.json" 2>"$WORK/squawk.err"
    code=$?
    set -e
    [[ $code -le 1 ]] || { cat "$WORK/squawk.err" >&2; echo "check-accuracy: squawk failed on $name (exit $code)" >&2; exit 1; }
    found=$( (grep -o '"rule_name"' "$WORK/squawk.json" || true) | wc -l)
    k=$(( ${errors:-0} > 0 ? 1 : 0 ))
    s=$(( found > 0 ? 1 : 0 ))
    if [[ $truth -eq 1 ]]; then
        [[ $k -eq 1 ]] && keel_tp=$((keel_tp + 1)) || keel_fn=$((keel_fn + 1))
        if [[ $s -eq 1 ]]; then sq_tp=$((sq_tp + 1)); else sq_fn=$((sq_fn + 1)); missed_by_squawk="$missed_by_squawk $name"; fi
    else
        [[ $k -eq 1 ]] && keel_fp=$((keel_fp + 1)) || keel_tn=$((keel_tn + 1))
        if [[ $s -eq 1 ]]; then sq_fp=$((sq_fp + 1)); squawk_false_alarms="$squawk_false_alarms $name"; else sq_tn=$((sq_tn + 1)); fi
    fi
done

squawk_version=$("$SQUAWK" --version | awk '{print $2}')
echo "check-accuracy: $cases cases (*-err hazards and *-ok safe twins)"
echo "  keel:   found $keel_tp of $((keel_tp + keel_fn)) hazards, $keel_fp false alarms on $((keel_fp + keel_tn)) safe cases"
echo "  squawk: found $sq_tp of $((sq_tp + sq_fn)) hazards, $sq_fp false alarms on $((sq_fp + sq_tn)) safe cases"
echo "  squawk missed:$missed_by_squawk" | fold -s -w 120
echo "  squawk false alarms:$squawk_false_alarms" | fold -s -w 120

if [[ $RECORD -eq 1 ]]; then
    results="$BENCH_DIR/RESULTS.md"
    if ! grep -q '^## check-accuracy' "$results"; then
        cat >>"$results" <<'HEAD'

## check-accuracy: keel and squawk on keel's corpus

Written by `bench/check-accuracy.sh`: per corpus case, is it called hazardous? Truth from the case
name (`*-err` hazard, `*-ok` safe twin). squawk with `--pg-version`, `--assume-in-transaction` and
without its stylistic rules; keel counts when it reports an error-level finding.

| date | cases | keel hazards found | keel false alarms | squawk hazards found | squawk false alarms |
| --- | --- | --- | --- | --- | --- |
HEAD
    fi
    source "$BENCH_DIR/results-row.sh"
    add_result_row "$results" "## check-accuracy" "| $(date -u '+%Y-%m-%d %H:%M UTC') | $cases | $keel_tp/$((keel_tp + keel_fn)) | $keel_fp/$((keel_fp + keel_tn)) | $sq_tp/$((sq_tp + sq_fn)) ($squawk_version) | $sq_fp/$((sq_fp + sq_tn)) |"
    echo "recorded in $results"
fi
