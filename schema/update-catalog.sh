#!/usr/bin/env bash
# Refreshes the committed copy of the embedded catalog (schema/catalog/) from a fresh build of samples/pages.
# Run after changing the schema builder or samples/pages; CommittedCatalogTest fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl schema -am process-classes
rm -rf schema/catalog
cp -r schema/target/samples-catalog schema/catalog
echo "schema/catalog/ refreshed: $(find schema/catalog -name '*.schema.json' | wc -l) schema files"
