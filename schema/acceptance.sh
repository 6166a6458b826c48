#!/usr/bin/env bash
# Acceptance run for the schema builder over one whole docs snapshot (not part of the unit tests):
# parses every page, builds the catalog (both timed, side by side, in one JVM), checks every schema against the
# 2020-12 meta-schema, validates every JSON request example against its page's schema and lists failures by cause.
#
#   schema/acceptance.sh [ru-RU|pt-BR] [--rounds N] [--list N]
#
# The snapshot is unpacked into schema/target/corpus/ (never into the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
locale="${1:-ru-RU}"; shift || true
snap="../shared/corpus/snapshots/${locale}-live-sxs-2021-08-27.tar.gz"
[ -f "$snap" ] || snap="/work/shared/corpus/snapshots/${locale}-live-sxs-2021-08-27.tar.gz"
dest=schema/target/corpus
if [ ! -d "$dest/$locale" ]; then
  mkdir -p "$dest"
  tar -xzf "$snap" -C "$dest"
fi
if [ ! -f schema/target/classes/org/graphlint/schema/Acceptance.class ] || [ ! -f schema/target/acceptance.cp ] \
   || [ -n "$(find parser/src schema/src -newer schema/target/acceptance.cp -name '*.java' | head -1)" ]; then
  # the reactor resolves parser to parser/target/classes: nothing is installed into ~/.m2
  mvn -B -q -pl parser,schema compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/acceptance.cp -Dmdep.includeScope=runtime >&2
fi
exec java -Xss8m -cp "schema/target/classes:$(cat schema/target/acceptance.cp)" org.graphlint.schema.Acceptance "$@" "$dest/$locale"
