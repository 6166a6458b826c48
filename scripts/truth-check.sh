#!/usr/bin/env bash
# Truth check (issue 9): correct payloads generated from the v1.0 CSDL, validated against the schemas graphlint builds
# from the v1.0 pages of a whole locale snapshot; every rejection is a doc gap or a graphlint defect. Plus the
# name/type/enum agreement of every resource schema with the CSDL. Not part of `mvn verify`.
#
#   scripts/truth-check.sh [ru-RU|pt-BR ...] [--list N]
#
# Snapshots are read from $GRAPHLINT_UNPACKED/LOCALE (default /work/corpus-unpacked, shared by helpers) or unpacked
# there (into a temporary folder, then renamed). The CSDL is ../shared/truth/v1.0-csdl-2021-08-31.xml: a measuring
# stick only, read by bench/ code, never by schema/.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${GRAPHLINT_SHARED:-../shared}"
[ -d "$shared" ] || shared=/work/shared
unpacked="${GRAPHLINT_UNPACKED:-/work/corpus-unpacked}"
csdl="$shared/truth/v1.0-csdl-2021-08-31.xml"
locales=()
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --list) extra+=(--list "$2"); shift 2 ;;
    *) locales+=("$1"); shift ;;
  esac
done
[ ${#locales[@]} -gt 0 ] || locales=(ru-RU pt-BR)
for loc in "${locales[@]}"; do
  if [ ! -d "$unpacked/$loc/api-reference/v1.0" ]; then
    mkdir -p "$(dirname "$unpacked")"
    tmp="$(mktemp -d "$unpacked.tmp.XXXXXX")"
    tar -xzf "$shared/corpus/snapshots/$loc-live-sxs-2021-08-27.tar.gz" -C "$tmp"
    mkdir -p "$unpacked"
    mv -T "$tmp/$loc" "$unpacked/$loc" 2>/dev/null || true   # another run may have won the race: fine
    rm -rf "$tmp"
  fi
done
if [ ! -f bench/target/classes/org/graphlint/bench/TruthCheck.class ] || [ ! -f bench/target/truth.cp ] \
   || [ -n "$(find parser/src schema/src validator/src bench/src -newer bench/target/truth.cp -name '*.java' | head -1)" ]; then
  mvn -B -q -pl parser,schema,validator,bench compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile=target/truth.cp >&2
fi
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for loc in "${locales[@]}"; do
  echo "=== $loc ==="
  java -Xss8m -cp "bench/target/classes:$(cat bench/target/truth.cp)" org.graphlint.bench.TruthCheck --csdl "$csdl" \
      "${extra[@]}" "$unpacked/$loc/api-reference"
done
