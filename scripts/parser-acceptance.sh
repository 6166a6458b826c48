#!/usr/bin/env bash
# Parser acceptance over both 2021-08-27 sxs snapshots (2 x 11,214 pages): every page must parse with no exception
# escaping. Runs `java -jar cli/target/graphlint.jar parse --stats` on each snapshot (all threads), prints the
# summaries and the CLI speed against the 2,000 pages/s target.
#
# Exit 0: every page read; 1: a page was unreadable, an internal error escaped, the CLI exited 2, or pages are
# missing from the summary. A missed speed target is reported, not fatal (the machine is shared and noisy).
#
# The machine is shared: the load average before each run and the CPU time used are printed beside the wall time.
#
# Usage: scripts/parser-acceptance.sh [--no-build] [-- extra java options]
#   e.g. scripts/parser-acceptance.sh -- -XX:TieredStopAtLevel=1   (C1 only: a short run spends less on the JIT)
# MVN overrides the Maven command (default: "mvn -B -q"; add -o to build offline).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build=true
java_opts=()
while [ $# -gt 0 ]; do
    case "$1" in
        --no-build) build=false ;;
        --) shift; java_opts=("$@"); break ;;
        *) echo "usage: scripts/parser-acceptance.sh [--no-build] [-- java options]" >&2; exit 2 ;;
    esac
    shift
done
mvn_cmd=${MVN:-mvn -B -q}
target_pps=2000
locales=(ru-RU pt-BR)

scripts/unpack-snapshots.sh "${locales[@]}"
if $build || [ ! -f cli/target/graphlint.jar ]; then
    $mvn_cmd -DskipTests package
fi

# user+sys clock ticks of this shell's finished children (fields 16 and 17 of /proc/self/stat of a subshell's parent).
child_cpu_ticks() {
    awk '{print $16 + $17}' "/proc/$$/stat"
}

failed=0
total=0
out_dir=target/parser-acceptance
mkdir -p "$out_dir"
echo "graphlint parse --stats, $(nproc) cores, java: $(java -version 2>&1 | head -1)"
for loc in "${locales[@]}"; do
    dir="target/corpus/$loc"
    expected=$(find "$dir" -name '*.md' -type f | wc -l)
    load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
    start=$(date +%s%N)
    cpu0=$(child_cpu_ticks)
    set +e
    java "${java_opts[@]}" -jar cli/target/graphlint.jar parse --stats "$dir" >"$out_dir/$loc.out" 2>"$out_dir/$loc.err"
    code=$?
    set -e
    end=$(date +%s%N)
    cpu1=$(child_cpu_ticks)
    wall_ms=$(( (end - start) / 1000000 ))
    cpu_s=$(awk -v t=$((cpu1 - cpu0)) -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.2f", t/hz}')
    echo
    echo "== $loc ($dir, $expected pages): exit $code, wall $(awk -v ms="$wall_ms" 'BEGIN{printf "%.2f", ms/1000}') s," \
        "CPU $cpu_s s (user+sys, all threads), load average before: $load"
    cat "$out_dir/$loc.out"
    pages=$(sed -n 's/^pages: \([0-9]*\).*/\1/p' "$out_dir/$loc.out")
    unreadable=$(sed -n 's/^unreadable: \([0-9]*\).*/\1/p' "$out_dir/$loc.out")
    internal=$(grep -c '^graphlint: internal error:' "$out_dir/$loc.err" || true)
    if [ -s "$out_dir/$loc.err" ]; then
        echo "-- stderr ($(wc -l < "$out_dir/$loc.err") lines, first 20; all in $out_dir/$loc.err):"
        head -20 "$out_dir/$loc.err"
    fi
    pps=$(awk -v p="${pages:-0}" -v ms="$wall_ms" 'BEGIN{printf "%.0f", (ms > 0 ? p * 1000 / ms : 0)}')
    verdict=met; [ "$pps" -ge "$target_pps" ] || verdict=MISSED
    echo "-- CLI speed, wall clock including JVM start: $pps pages/s (target >= $target_pps): $verdict"
    if [ "$code" -ge 2 ] || [ "${unreadable:-1}" != 0 ] || [ "$internal" != 0 ] || [ "${pages:-0}" != "$expected" ]; then
        echo "-- FAIL $loc: exit $code, unreadable ${unreadable:-?}, internal errors $internal, pages ${pages:-?} of $expected"
        failed=1
    fi
    total=$((total + ${pages:-0}))
done
echo
if [ "$failed" = 0 ]; then
    echo "parser acceptance: OK, $total pages parsed with no exception escaping"
else
    echo "parser acceptance: FAILED (see above)"
fi
exit "$failed"
