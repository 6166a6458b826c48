#!/usr/bin/env bash
# Line and branch coverage of the unit and property tests, per module and in total (issue 11: "tests, coverage and
# speed unchanged or better"). Runs the whole build under JaCoCo (the `coverage` profile of the root pom: every
# module's tests append to one target/jacoco-all.exec, so a validator line the cli's tests run counts), then the
# reports again once every module's tests have run, then sums every module's target/site/jacoco/jacoco.csv. The
# Maven plugin's invoker runs happen in other JVMs and are not counted; bench modules have no tests.
#
#   scripts/coverage.sh            build with coverage, then print the table
#   scripts/coverage.sh --report   only print the table of the last coverage build
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" != "--report" ]]; then
  rm -f target/jacoco-all.exec
  mvn -B -q -Pcoverage clean verify >/tmp/graphlint-coverage.log 2>&1 || { tail -40 /tmp/graphlint-coverage.log; exit 1; }
  # the reports once more, now that the cli's and lint's tests have added what they ran in the modules below them
  mvn -B -q -Pcoverage -DskipTests -Dinvoker.skip=true verify >>/tmp/graphlint-coverage.log 2>&1 \
    || { tail -40 /tmp/graphlint-coverage.log; exit 1; }
fi
shopt -s nullglob
csvs=(*/target/site/jacoco/jacoco.csv */*/target/site/jacoco/jacoco.csv)
[[ ${#csvs[@]} -gt 0 ]] || { echo "no jacoco.csv: run without --report first" >&2; exit 2; }
# CSV columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
awk -F, 'FNR == 1 { split(FILENAME, p, "/target/"); m = p[1]; next }
  { lm[m] += $8; lc[m] += $9; bm[m] += $6; bc[m] += $7 }
  END {
    printf "%-16s %14s %8s %16s %8s\n", "module", "lines", "%", "branches", "%"
    for (m in lc) printf "%-16s %6d/%-7d %7.1f%% %7d/%-8d %7.1f%%\n", m, lc[m], lc[m] + lm[m], 100 * lc[m] / (lc[m] + lm[m]), bc[m], bc[m] + bm[m], (bc[m] + bm[m]) ? 100 * bc[m] / (bc[m] + bm[m]) : 0
  }' "${csvs[@]}" | { read -r h; echo "$h"; sort; }
awk -F, 'FNR > 1 { LM += $8; LC += $9; BM += $6; BC += $7 } END { printf "%-16s %6d/%-7d %7.1f%% %7d/%-8d %7.1f%%\n", "total", LC, LC + LM, 100 * LC / (LC + LM), BC, BC + BM, 100 * BC / (BC + BM) }' "${csvs[@]}"
