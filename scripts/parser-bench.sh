#!/usr/bin/env bash
# Benchmark (JMH, single thread): the whole extraction of one snapshot against a bare flexmark parse of the same
# pages, side by side. Prints pages/s for both and the time ratio; exits 1 if the ratio misses the 0.5 target.
# Usage: scripts/parser-bench.sh [--corpus DIR] [--rounds N] [--warmup N] [--iterations N] [--quiet]
#   default corpus: target/corpus/ru-RU (unpacked from the shared snapshot if needed)
# MVN overrides the Maven command (default: "mvn -B -q"; add -o to build offline).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn_cmd=${MVN:-mvn -B -q}
custom_corpus=false
for a in "$@"; do [ "$a" = "--corpus" ] && custom_corpus=true; done
$custom_corpus || scripts/unpack-snapshots.sh ru-RU
$mvn_cmd -DskipTests package -pl bench -am
# The bench's own classes and this worktree's parser first; third-party jars from Maven.
$mvn_cmd dependency:build-classpath -pl bench -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime >/dev/null
deps=$(tr ':' '\n' < bench/target/bench.classpath | grep -v '/org/graphlint/' | paste -sd: -)
cp="bench/target/classes:parser/target/classes:$deps"
# JAVA_OPTS go to the JVM that drives JMH, e.g. JAVA_OPTS=-Djmh.ignoreLock=true when another JMH run holds /tmp/jmh.lock.
exec java ${JAVA_OPTS:-} -cp "$cp" org.graphlint.bench.BenchMain "$@"
