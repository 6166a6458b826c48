#!/usr/bin/env bash
# Prints every output graphlint gives on the bundled samples (all validate formats, parse, schemas list/show, diff,
# convert),
# one section per command line, so that a refactoring can be checked byte for byte:
#   scripts/output-snapshot.sh JAR > before.txt ... (change) ... scripts/output-snapshot.sh JAR > after.txt; diff before.txt after.txt
# Paths are printed relative to the repository root (the commands run there).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${1:?usage: output-snapshot.sh JAR}"
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
cd "$root"
# Timings differ from run to run: masked (JUnit time attributes, parse --stats' timing lines).
mask() { sed -E 's/time="[0-9.]+"/time="T"/g; s/^(seconds|pages\/s|ms per page|elapsed)([^:]*): .*/\1\2: T/'; }
run() {
  echo "=== graphlint $*"
  java -jar "$jar" "$@" 2>&1 | mask
  echo "--- exit ${PIPESTATUS[0]}"
}
for f in text json junit sarif github; do
  run validate --format "$f" samples/payloads/vppToken samples/payloads/http
  run validate --format "$f" --operation create samples/payloads/malformed
  run validate --format "$f" --doc-version 2020-04-14 samples/payloads/vppToken/2021-03-23
done
run parse --format json samples/pages/seeds
run parse --format text samples/pages/seeds
run parse --stats samples/pages/seeds
run schemas list
run schemas show latest --entity vppToken --operation create
run schemas show 2020-04-14 --pages
run diff 2018-12-18 2021-03-23
run diff --format json 2018-12-18 2021-03-23
run diff --format markdown 2018-12-18 2021-03-23
run convert --to 2018-12-18 samples/payloads/vppToken/2021-03-23
run convert --format json --to 2018-12-18 samples/payloads/vppToken/2021-03-23
run convert --to 2020-04-14 samples/payloads/vppToken/2021-03-23/create-duplicateLocationId-valid.http
run validate --format json samples/payloads/graph
run --help
run validate --help
run schemas --help
run diff --help
run parse --help
