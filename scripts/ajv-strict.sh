#!/usr/bin/env bash
# Issue 14: the committed schemas (schema/catalog/, the export of the samples' catalog) each carry an $id and compile
# under ajv's strict mode (ajv-cli 5, draft 2020-12, --strict=true: strictSchema, strictTypes, strictTuples,
# strictRequired). graphlint's own annotations (x-graphlint-inferred, -flags, -members, -entity, -type) are declared to ajv as
# annotation keywords (a vocabulary, as ajv's docs ask for extension keywords), not switched off.
#
#   scripts/ajv-strict.sh [SCHEMA_DIR]
#
# Without SCHEMA_DIR it checks every committed schema: schema/catalog/ and the embedded all-Graph catalog (exported to a
# temporary folder with `./graphlint schemas export`, which builds the jar if missing).
#
# ajv-cli and ajv-formats are installed from the npm registry into a temporary folder (or $GRAPHLINT_AJV_DIR, reused).
# Exit 0 when every schema compiles and has a unique $id; 1 otherwise (ajv's messages printed).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -eq 0 ]; then
  export_dir="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-ajv-export.XXXXXX")"
  trap 'rm -rf "$export_dir"' EXIT
  ./graphlint schemas export --out "$export_dir/embedded" >/dev/null
  rc=0
  "$0" schema/catalog || rc=1
  "$0" "$export_dir/embedded" | grep -v ' is valid$' || true
  [ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
  exit $rc
fi
dir="$1"
ajv_dir="${GRAPHLINT_AJV_DIR:-}"
if [ -z "$ajv_dir" ]; then
  ajv_dir="$(mktemp -d "${TMPDIR:-/tmp}/graphlint-ajv.XXXXXX")"
  trap 'rm -rf "$ajv_dir"' EXIT
fi
if [ ! -x "$ajv_dir/node_modules/.bin/ajv" ]; then
  (cd "$ajv_dir" && npm install --silent --no-audit --no-fund ajv-cli@5 ajv-formats@3 >/dev/null)
fi
cat > "$ajv_dir/graphlint-keywords.js" <<'JS'
// graphlint's schema annotations: informative, never asserting (as "description" or "readOnly").
module.exports = (ajv) => ajv.addVocabulary(["x-graphlint-inferred", "x-graphlint-flags", "x-graphlint-members",
    "x-graphlint-entity", "x-graphlint-type"]);
JS
mapfile -t files < <(find "$dir" -name '*.schema.json' | sort)
[ ${#files[@]} -gt 0 ] || { echo "ajv-strict: no *.schema.json under $dir" >&2; exit 2; }
missing=0
for f in "${files[@]}"; do
  if ! grep -q '^  "\$id" : "urn:graphlint:' "$f"; then
    echo "$f: no \$id" >&2
    missing=$((missing + 1))
  fi
done
args=()
for f in "${files[@]}"; do args+=(-s "$f"); done
echo "ajv $(node -p "require('$ajv_dir/node_modules/ajv/package.json').version") (ajv-cli $(node -p \
  "require('$ajv_dir/node_modules/ajv-cli/package.json').version")), --spec=draft2020 --strict=true: ${#files[@]} schemas under $dir"
rc=0
"$ajv_dir/node_modules/.bin/ajv" compile --spec=draft2020 --strict=true -c ajv-formats -c "$ajv_dir/graphlint-keywords.js" \
    "${args[@]}" || rc=1
[ "$missing" -eq 0 ] || rc=1
exit $rc
