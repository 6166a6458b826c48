#!/usr/bin/env bash
# JMH: library validation vs bare networknt on the same schema and payload. Extra arguments go to JMH
# (e.g. -f 1 -wi 2 -i 3 for a quick run, or a benchmark name pattern).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
[[ -f cli/target/graphlint.jar ]] || mvn -B -q -DskipTests package
mvn -B -q -f validator/bench/pom.xml package
cp=validator/bench/target/benchmarks.jar:cli/target/graphlint.jar
java -cp "$cp" org.openjdk.jmh.Main org.graphlint.bench.ValidateBench "$@"
# The same comparison in alternating batches in one JVM: robust to other processes sharing the machine.
java -XX:+UseSerialGC -cp "$cp" org.graphlint.bench.Interleaved 300
