#!/usr/bin/env bash
# pages/s read from git against pages/s read from a folder, same pages, same run (not part of mvn verify).
# Usage: gitpages/bench.sh [FOLDER] [ROUNDS]   (default: samples/pages/history, 7 rounds)
# A folder of page histories becomes one commit per date; any other folder (e.g. an unpacked snapshot) one commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
[ -f "$root/cli/target/graphlint.jar" ] || (cd "$root" && mvn -B -q package -DskipTests)
echo "load: $(uptime)"
java -cp "$root/cli/target/graphlint.jar" org.graphlint.gitpages.GitVsFolder "${1:-$root/samples/pages/history}" "${2:-7}"
