#!/usr/bin/env bash
# `graphlint schemas build` against `graphlint parse --stats` on the same snapshot (issue 9 asks build <= 1.5x parse),
# interleaved, ROUNDS times each, with the launcher's JVM flags; prints each run and the medians. The build writes into
# a new folder each round (the usual first build) and, as a second figure, over the catalog of the previous round.
# Usage: scripts/build-vs-parse.sh [SNAPSHOT_FOLDER] [ROUNDS=3]   (default: ru-RU, unpacked by scripts/unpack-snapshots.sh)
# The catalogs are written under TMPDIR (default /tmp): TMPDIR=/dev/shm gives the figure without the disk's file system.
# A fresh build creates ~8,800 files and folders. On an ext4 file system without a journal (as on some VMs), the kernel
# skips, one by one, every free inode deleted in the last minute (up to six while its inode table block is dirty) when
# it allocates one (fs/ext4/ialloc.c, recently_deleted): a build right after another's catalog was deleted spent a
# quarter of its CPU there (perf). So the rounds' catalogs are kept until the script ends (~70 MB each) instead of
# being deleted between rounds, which measured the script's own deletions; a first round (not counted) warms the
# page cache and the launcher's class-data archive. Best compared side by side, in one run, with the load noted.
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
# Wall, user and system seconds of one run ("4.21 5.60 1.02"): bash's own `time`, no /usr/bin/time needed.
secs() { local TIMEFORMAT='%R %U %S'; { time "$@" >/dev/null 2>&1; } 2>&1; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "snapshot: $snap ($(find "$snap" -name '*.md' | wc -l) pages); load: $(uptime | sed 's/.*load average: //')"
"$gl" parse --stats "$snap" >/dev/null 2>&1 || true # warm-up, not counted
: >"$work/parse"; : >"$work/fresh"; : >"$work/over"
for ((r = 1; r <= rounds; r++)); do
    # the order alternates: a run right after another is not timed alike (a build's 70 MB are still being written
    # back during the next command), so parse goes first in half of the rounds and last in the others
    if ((r % 2)); then
        p="$(secs "$gl" parse --stats "$snap")"
    fi
    f="$(secs "$gl" schemas build "$snap" --out "$work/out-$r")"
    o="$(secs "$gl" schemas build "$snap" --out "$work/out-$r")"
    if ((r % 2 == 0)); then
        p="$(secs "$gl" parse --stats "$snap")"
    fi
    echo "${p%% *}" >>"$work/parse"; echo "${f%% *}" >>"$work/fresh"; echo "${o%% *}" >>"$work/over"
    # each figure: wall (user + system CPU seconds)
    fmt() { set -- $1; printf '%.1f s (%.1f u + %.1f sys)' "$1" "$2" "$3"; }
    echo "round $r: parse $(fmt "$p"), build into a new folder $(fmt "$f"), build over the same catalog $(fmt "$o")"
done
mp="$(median <"$work/parse")"; mf="$(median <"$work/fresh")"; mo="$(median <"$work/over")"
printf 'medians: parse %.1f s, build %.1f s (%.2fx parse), build over its own catalog %.1f s (%.2fx)\n' \
    "$mp" "$mf" "$(echo "$mf / $mp" | bc -l)" "$mo" "$(echo "$mo / $mp" | bc -l)"
echo "load after: $(uptime | sed 's/.*load average: //')"
