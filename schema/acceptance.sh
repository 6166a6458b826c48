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
if [ ! -f schema/target/classes/org/graphlint/schema/Acceptance.class ] || [ ! -f schema/target/acceptance.cp ]; then
  mvn -B -q -pl schema -am install -DskipTests
  mvn -B -q -pl schema dependency:build-classpath -Dmdep.outputFile=target/acceptance.cp
fi
exec java -Xss8m -cp "schema/target/classes:$(cat schema/target/acceptance.cp)" org.graphlint.schema.Acceptance "$@" "$dest/$locale"
