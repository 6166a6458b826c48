#!/usr/bin/env bash
# Regenerates the all-Graph catalog the jar embeds (schema/src/main/resources/org/graphlint/catalog/graph.index.gz and
# graph.pack) from samples/pages (vppToken histories, seed pages) and the two 2021-08-27 snapshot tarballs of
# ../shared/corpus/snapshots, read in place. One command, deterministic: the same inputs and builder give the same
# content digest (GraphCatalogStalenessTest compares it in mvn verify).
#
#   scripts/build-graph-catalog.sh [SHARED_DIR=../shared]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
out=schema/src/main/resources/org/graphlint/catalog
mvn -B -q -pl schema -am compile dependency:build-classpath -Dmdep.outputFile=target/graph-catalog.cp -Dmdep.includeScope=runtime
exec java -Xss8m -cp "schema/target/classes:$(cat schema/target/graph-catalog.cp)" \
    org.graphlint.schema.BuildGraphCatalog "$out" . "$shared"
