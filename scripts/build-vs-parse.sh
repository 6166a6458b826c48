#!/usr/bin/env bash
# `graphlint schemas build` against `graphlint parse --stats` on the same snapshot (issue 9 asks build <= 1.5x parse),
# interleaved, ROUNDS times each, with the launcher's JVM flags; prints each run and the medians. The build writes into
# a new folder each round (the usual first build) and, as a second figure, over the catalog of the previous round.
# Usage: scripts/build-vs-parse.sh [SNAPSHOT_FOLDER] [ROUNDS=3]   (default: ru-RU, unpacked by scripts/unpack-snapshots.sh)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
snap="${1:-}"
rounds="${2:-3}"
if [[ -z "$snap" ]]; then
    "$root/scripts/unpack-snapshots.sh" ru-RU
    snap="$root/target/corpus/ru-RU"
fi
gl="$root/graphlint"
work="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-bvp-XXXXXX")"
trap 'rm -rf "$work"' EXIT
secs() { local s e; s="$(date +%s.%N)"; "$@" >/dev/null 2>&1; e="$(date +%s.%N)"; echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "snapshot: $snap ($(find "$snap" -name '*.md' | wc -l) pages); load: $(uptime | sed 's/.*load average: //')"
: >"$work/parse"; : >"$work/fresh"; : >"$work/over"
for ((r = 1; r <= rounds; r++)); do
    p="$(secs "$gl" parse --stats "$snap")"
    f="$(secs "$gl" schemas build "$snap" --out "$work/out-$r")"
    o="$(secs "$gl" schemas build "$snap" --out "$work/out-$r")"
    echo "$p" >>"$work/parse"; echo "$f" >>"$work/fresh"; echo "$o" >>"$work/over"
    printf 'round %d: parse %.1f s, build into a new folder %.1f s, build over the same catalog %.1f s\n' "$r" "$p" "$f" "$o"
    rm -rf "$work/out-$r"
done
mp="$(median <"$work/parse")"; mf="$(median <"$work/fresh")"; mo="$(median <"$work/over")"
printf 'medians: parse %.1f s, build %.1f s (%.2fx parse), build over its own catalog %.1f s (%.2fx)\n' \
    "$mp" "$mf" "$(echo "$mf / $mp" | bc -l)" "$mo" "$(echo "$mo / $mp" | bc -l)"
echo "load after: $(uptime | sed 's/.*load average: //')"
