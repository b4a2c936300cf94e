#!/usr/bin/env bash
# Sourced by the benchmark scripts: add_result_row FILE "## section heading" "| row |" puts the row
# after the last table row of that section, so each benchmark's rows stay under its own heading.
add_result_row() {
    local file=$1 heading=$2 row=$3 tmp
    tmp=$(mktemp)
    awk -v heading="$heading" -v row="$row" '
        { lines[NR] = $0 }
        index($0, heading) == 1 { in_section = 1; next_start = 0 }
        in_section && /^## / && index($0, heading) != 1 { in_section = 0 }
        in_section && /^\|/ { last = NR }
        END {
            for (i = 1; i <= NR; i++) {
                print lines[i]
                if (i == last) print row
            }
            if (!last) print row
        }' "$file" >"$tmp"
    cat "$tmp" >"$file"
    rm -f "$tmp"
}
