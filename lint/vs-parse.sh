#!/usr/bin/env bash
# The issue's speed target, as whole commands: `graphlint lint --format json` against `graphlint parse --stats` on one
# snapshot, with the launcher's JVM flags, interleaved, ROUNDS times each (default 3); each run, the medians, the ratio
# (target <= 1.5), the CPU time (user+sys) of each command beside it, and the load before and after. Not part of mvn verify.
# Usage: lint/vs-parse.sh [SNAPSHOT_FOLDER] [ROUNDS]   (default: /work/corpus-unpacked/ru-RU, see lint/acceptance.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
snap="${1:-${GRAPHLINT_UNPACKED:-/work/corpus-unpacked}/ru-RU}"
rounds="${2:-3}"
gl="$root/graphlint"
[ -f "$root/cli/target/graphlint.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
work="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-lvp-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# prints "WALL CPU" (seconds; CPU = user + sys of the command, which a loaded machine distorts less than wall time)
secs() { /usr/bin/time -f '%e %U %S' -o "$work/t" "$@" >/dev/null 2>&1 || true; tail -n 1 "$work/t" | awk '{printf "%s %.2f\n", $1, $2 + $3}'; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "snapshot: $snap ($(find "$snap" -name '*.md' | wc -l) pages); load: $(uptime | sed 's/.*load average: //')"
: >"$work/parse"; : >"$work/lint"; : >"$work/parse-cpu"; : >"$work/lint-cpu"
for ((r = 1; r <= rounds; r++)); do
    # the order alternates: a run right after another is not timed alike (the machine's memory, page cache and
    # writeback are where the previous run left them), so each command goes first in half of the rounds
    if ((r % 2)); then
        read -r p pc <<<"$(secs "$gl" parse --stats "$snap")"
        read -r l lc <<<"$(secs "$gl" lint --format json "$snap")"
    else
        read -r l lc <<<"$(secs "$gl" lint --format json "$snap")"
        read -r p pc <<<"$(secs "$gl" parse --stats "$snap")"
    fi
    echo "$p" >>"$work/parse"; echo "$l" >>"$work/lint"; echo "$pc" >>"$work/parse-cpu"; echo "$lc" >>"$work/lint-cpu"
    printf 'round %d: parse %.2f s, lint %.2f s (%.2fx); CPU parse %.2f s, lint %.2f s (%.2fx)\n' "$r" "$p" "$l" \
        "$(echo "$l / $p" | bc -l)" "$pc" "$lc" "$(echo "$lc / $pc" | bc -l)"
done
mp="$(median <"$work/parse")"; ml="$(median <"$work/lint")"
mpc="$(median <"$work/parse-cpu")"; mlc="$(median <"$work/lint-cpu")"
printf 'medians of %d: parse %.2f s, lint %.2f s: lint/parse = %.2f (target <= 1.5); CPU %.2f s against %.2f s: %.2f\n' \
    "$rounds" "$mp" "$ml" "$(echo "$ml / $mp" | bc -l)" "$mpc" "$mlc" "$(echo "$mlc / $mpc" | bc -l)"
echo "load after: $(uptime | sed 's/.*load average: //')"
