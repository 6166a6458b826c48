#!/usr/bin/env bash
# The lint acceptance run over the 2021-08-27 snapshots (not part of mvn verify): per snapshot, parse time and lint time
# side by side (same pages, same process, interleaved rounds, medians), then the findings by rule; finally both
# snapshots together as locale trees (--locale), which adds the locale-lag rules.
# Usage: lint/acceptance.sh [ROUNDS]   (default 5)
# The snapshots are unpacked once into $GRAPHLINT_UNPACKED (default /work/corpus-unpacked, shared by helpers; a
# missing locale is unpacked into a temporary folder beside it and renamed into place, so nobody sees half a tree).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${GRAPHLINT_CORPUS:-$root/../shared/corpus}"
unpacked="${GRAPHLINT_UNPACKED:-/work/corpus-unpacked}"
rounds="${1:-5}"
mkdir -p "$unpacked"
for loc in ru-RU pt-BR; do
    if [ ! -d "$unpacked/$loc/api-reference" ]; then
        tmp="$(mktemp -d "$unpacked/.unpack-$loc.XXXXXX")"
        tar -xzf "$corpus/snapshots/$loc-live-sxs-2021-08-27.tar.gz" -C "$tmp"
        mv "$tmp/$loc" "$unpacked/$loc" 2>/dev/null || true   # another helper may have won the race: theirs is as good
        rm -rf "$tmp"
    fi
done
[ -f "$root/cli/target/graphlint.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
jar="$root/cli/target/graphlint.jar"
for loc in ru-RU pt-BR; do
    echo "== $loc  (load: $(uptime | sed 's/.*load average: //'))"
    java -Xmx3g -cp "$jar" org.graphlint.lint.LintAcceptance --rounds "$rounds" "$unpacked/$loc"
done
echo "== both snapshots as locale trees  (load: $(uptime | sed 's/.*load average: //'))"
java -Xmx4g -cp "$jar" org.graphlint.lint.LintAcceptance --rounds 1 --locale "ru-RU=$unpacked/ru-RU" --locale "pt-BR=$unpacked/pt-BR"
