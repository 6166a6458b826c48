#!/usr/bin/env bash
# Kill test for `graphlint schemas build` (issue 15): a whole-snapshot build into a folder holding a good catalog,
# killed with SIGKILL at ten points in time. After each kill the folder must hold the old catalog or the new one,
# whole: `graphlint schemas list --catalog DIR` succeeds and every file catalog.json lists exists. The next build into
# the folder (no --force) must succeed and leave exactly a clean catalog (nothing left by the killed one).
#
# Usage: scripts/kill-test.sh [SNAPSHOT_FOLDER]   (default: ru-RU, unpacked by scripts/unpack-snapshots.sh)
# Kill points: 3 spread over the reading and building phase, 7 spread over the writing phase (from the moment the
# staging folder appears until the reference build ended), as that is where a kill can do harm.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
snap="${1:-}"
if [[ -z "$snap" ]]; then
    "$root/scripts/unpack-snapshots.sh" ru-RU
    snap="$root/target/corpus/ru-RU"
fi
gl="$root/graphlint"
work="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-kill-XXXXXX")"
trap 'rm -rf "$work"' EXIT
out="$work/out"
small="$root/samples/pages"

now() { date +%s.%N; }
staging_present() { compgen -G "$out/.graphlint-staging-*" >/dev/null; }
staging_count() { (compgen -G "$out/.graphlint-staging-*" || true) | wc -l; }

# What a folder is: "old", "new" or "other", judged by `schemas list` against the two reference listings; checks
# that every listed file exists.
judge() {
    local listing
    if ! listing="$("$gl" schemas list --catalog "$out" --format json 2>"$work/list.err")"; then
        echo "LIST-FAILED($(head -1 "$work/list.err"))"
        return
    fi
    local missing
    missing="$(python3 - "$out" <<'PY'
import json, os, sys
d = sys.argv[1]
c = json.load(open(os.path.join(d, "catalog.json")))
files = [v["file"] for a in c["apiVersions"].values() for v in a["versions"]]
print(sum(1 for f in files if not os.path.isfile(os.path.join(d, f))), len(files))
PY
)"
    local state=other
    [[ "$listing" == "$(cat "$work/old.list")" ]] && state=old
    [[ "$listing" == "$(cat "$work/new.list")" ]] && state=new
    echo "$state listed=${missing#* } missing=${missing% *}"
}

clean_files() { (cd "$1" && find . -mindepth 1 | sort); }

echo "snapshot: $snap ($(find "$snap" -name '*.md' | wc -l) pages); load: $(uptime | sed 's/.*load average: //')"
"$gl" schemas build "$small" --out "$work/old-ref" >/dev/null
"$gl" schemas list --catalog "$work/old-ref" --format json >"$work/old.list"
clean_files "$work/old-ref" >"$work/old.files"

# Reference run: the whole build into a copy of the good catalog, timing when writing starts.
cp -a "$work/old-ref" "$out"
t0="$(now)"
"$gl" schemas build "$snap" --out "$out" >"$work/ref.out" 2>&1 &
pid=$!
tw=""
while kill -0 "$pid" 2>/dev/null; do
    if [[ -z "$tw" ]] && staging_present; then tw="$(now)"; fi
    sleep 0.01
done
wait "$pid"
t1="$(now)"
[[ -n "$tw" ]] || tw="$t1"
"$gl" schemas list --catalog "$out" --format json >"$work/new.list"
clean_files "$out" >"$work/new.files"
read_s="$(echo "$tw - $t0" | bc)"; write_s="$(echo "$t1 - $tw" | bc)"
echo "reference build: $(tail -1 "$work/ref.out")"
printf 'reference: %.2f s reading and building, %.2f s writing (staging folder present until the end)\n' "$read_s" "$write_s"
[[ "$(judge)" == new* ]] || { echo "FAIL: the reference build did not leave the new catalog"; exit 1; }

pass=0
for i in 1 2 3 4 5 6 7 8 9 10; do
    rm -rf "$out"
    cp -a "$work/old-ref" "$out"
    "$gl" schemas build "$snap" --out "$out" >/dev/null 2>&1 &
    pid=$!
    start="$(now)"
    if (( i <= 3 )); then
        delay="$(echo "$read_s * $i / 4" | bc -l)"
        sleep "$delay"
        what="$(printf '%.2f s after start (reading)' "$delay")"
    else
        while kill -0 "$pid" 2>/dev/null && ! staging_present; do sleep 0.005; done
        delay="$(echo "$write_s * ($i - 4) / 7" | bc -l)"
        sleep "$delay"
        what="$(printf '%.3f s after the staging folder appeared (writing)' "$delay")"
    fi
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        killed=killed
    else
        wait "$pid" 2>/dev/null || true
        killed="finished before the kill"
    fi
    staged="$(staging_count)"
    state="$(judge)"
    # The next build clears what the killed one left: here the small catalog again, without --force.
    if "$gl" schemas build "$small" --out "$out" >"$work/rebuild.out" 2>&1 && diff -q <(clean_files "$out") "$work/old.files" >/dev/null; then
        rebuilt="rebuild clean"
    else
        rebuilt="REBUILD FAILED: $(head -1 "$work/rebuild.out")"
    fi
    ok=no
    if [[ "$state" =~ ^(old|new)\ .*missing=0$ && "$rebuilt" == "rebuild clean" ]]; then ok=yes; pass=$((pass + 1)); fi
    printf '%2d  %-52s %-8s -> %-34s staging folders left: %s; %s  [%s]\n' "$i" "$what" "$killed" "$state" "$staged" "$rebuilt" "$ok"
done
echo "kill test: $pass/10 points left the old or the new catalog whole and a clean rebuild; load: $(uptime | sed 's/.*load average: //')"
[[ $pass -eq 10 ]]
