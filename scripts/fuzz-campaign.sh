#!/usr/bin/env bash
# The long fuzz campaign: every jqwik property of graphlint (parser robustness, valid/invalid payloads, version
# evolution, validator robustness, conversion between versions) with many more tries than mvn verify runs (200).
# Not part of mvn verify. The conversion properties alone: scripts/fuzz-campaign.sh 100000 ConversionProperties
#
#   scripts/fuzz-campaign.sh [TRIES] [PROPERTY-CLASS-PATTERN]
#
# TRIES defaults to 100000 per property; the pattern (surefire -Dtest syntax) to '*Properties'. Seeds are the fixed
# ones of each @Property, so a campaign is reproducible; jqwik prints each property's tries, checks and statistics,
# and a failure with its shrunk sample. The log goes to target/fuzz-campaign-TRIES.log.
set -euo pipefail
cd "$(dirname "$0")/.."
tries="${1:-100000}"
pattern="${2:-*Properties}"
mkdir -p target
log="target/fuzz-campaign-${tries}.log"
marker="target/fuzz-campaign-${tries}.start"
touch "$marker"
start=$(date +%s)
set +e
mvn -B -pl parser,testkit,convert -am test \
  -Dtest="$pattern" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default="$tries" -Djqwik.reporting.onlyfailures=false -Djqwik.shrinking.bounded.seconds=120 \
  >"$log" 2>&1
rc=$?
set -e
end=$(date +%s)
echo "campaign: $tries tries per property, $((end - start)) s, exit $rc; log $log"
grep -E '^\s*tries = |^\s*checks = |Tests run:.*in org|^timestamp.*Properties:[A-Za-z]+ = ' "$log" | sed 's/^timestamp = [^ ]* //' || true
grep -A8 '^Shrunk Sample' "$log" || true
# seconds per property, from this run's surefire reports
find parser/target/surefire-reports testkit/target/surefire-reports convert/target/surefire-reports -name 'TEST-*.xml' -newer "$marker" 2>/dev/null \
  | xargs -r grep -ho '<testcase name="[^"]*" classname="[^"]*" time="[^"]*"' \
  | sed -E 's/<testcase name="([^"]*)" classname="[^"]*\.([^".]*)" time="([^"]*)"/\3 s  \2.\1/' || true
exit $rc
