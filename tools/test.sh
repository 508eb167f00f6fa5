#!/usr/bin/env bash
# The body of `make test`: runs every suite in turn, even after one fails,
# then prints a table (suite, counts, seconds) and one closing total line.
#   tools/test.sh [build/tests/test_* ...]     unit test binaries to run
# Suites: unit (cmocka), errors, e2e (every interpreter), leak, loops (random
# loops and recursive functions, differential), fuzz (if
# tests/fuzz_frontend.py exists). Counts are read from each runner's closing
# line ("N passed, N failed[, N skipped]" or cmocka's); a suite that fails
# without one counts as one failure.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
PYTHON=${PYTHON:-python3}
logdir=$(mktemp -d /tmp/staticpyc-test.XXXXXX)
trap 'rm -rf "$logdir"' EXIT

rows=()
tot_pass=0 tot_fail=0 tot_skip=0 any_fail=0

# run_suite NAME CMD...: runs CMD, echoing its output, and records its counts.
run_suite() {
    local name=$1; shift
    local log="$logdir/${name//\//_}.log" start end rc p f s line
    echo "==== $name: $*"
    start=$(date +%s.%N)
    "$@" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    end=$(date +%s.%N)
    p=0 f=0 s=0
    line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -n "$line" ]; then
        p=$(sed -E 's/^([A-Za-z]+: )?([0-9]+) passed.*/\2/' <<<"$line")
        f=$(sed -E 's/.* ([0-9]+) failed.*/\1/' <<<"$line")
        s=$(sed -nE 's/.* ([0-9]+) skipped.*/\1/p' <<<"$line")
        s=${s:-0}
    elif grep -qE '^\[  PASSED  \] [0-9]+ test' "$log"; then  # cmocka
        # one PASSED/FAILED pair per group: add them up
        p=$(sed -nE 's/^\[  PASSED  \] ([0-9]+) test.*/\1/p' "$log" | awk '{ n += $1 } END { print n + 0 }')
        f=$(sed -nE 's/^\[  FAILED  \] ([0-9]+) test.*/\1/p' "$log" | awk '{ n += $1 } END { print n + 0 }')
    fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed or died without a summary
    [ "$rc" -ne 0 ] && any_fail=1
    tot_pass=$((tot_pass + p)) tot_fail=$((tot_fail + f)) tot_skip=$((tot_skip + s))
    rows+=("$(printf '%-22s %5d passed %5d failed %5d skipped %7.1fs  %s' \
        "$name" "$p" "$f" "$s" "$(awk "BEGIN { print $end - $start }")" "$([ "$rc" -eq 0 ] && echo ok || echo "FAILED (exit $rc)")")")
    echo
}

if [ $# -eq 0 ]; then
    echo "==== unit: no tests/unit/test_*.c yet"
fi
for t in "$@"; do
    run_suite "unit/$(basename "$t")" "$t"
done
run_suite errors "$PYTHON" tests/run_errors.py
run_suite e2e "$PYTHON" tests/run_e2e.py
run_suite leak "$PYTHON" tests/leak/run_leak.py
if [ -f tests/fuzz_frontend.py ]; then
    run_suite fuzz "$PYTHON" tests/fuzz_frontend.py
fi
run_suite loops "$PYTHON" tests/fuzz_loops.py
run_suite robust "$PYTHON" tests/robust_compile.py
run_suite build "$PYTHON" tests/build/run_build.py

echo "==== summary"
printf '%s\n' "${rows[@]}"
skip_part=""
[ "$tot_skip" -gt 0 ] && skip_part=", $tot_skip skipped"
echo "total: $tot_pass passed, $tot_fail failed$skip_part"
exit "$any_fail"
