#!/usr/bin/env bash
# Runs the whole benchmark: builds what it needs, installs the Node peers with npm ci, runs the harness.
#   benchmarks/run.sh            full run (~30-45 min; 11 no-op, 7 apply, 5 real-folder repetitions): results in benchmarks/results/, tables and chart in docs/
#   benchmarks/run.sh --quick    a few minutes, N=100 and one small corpus: checks the harness, not the speed
# Other options are passed to the harness (see BenchMain --help), e.g. --reps 9 --apply-reps 7 --no-jmh.
# Starts its own PostgreSQL 15 (initdb with scram-sha-256 in a temporary folder; binaries from BENCH_PG_BIN, else
# /usr/lib/postgresql/15/bin; --server external uses the tests' server instead). Needs Java 17, Maven, Node 20+,
# python3, psql.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
for a in "$@"; do
  if [ "$a" = "--quick" ]; then quick=1; fi
done

echo "[run.sh] building core, the CLI, the example Spring Boot service and benchmarks" >&2
mvn -q -B -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime >&2

echo "[run.sh] npm ci in benchmarks/node" >&2
(cd benchmarks/node && npm ci --no-audit --no-fund --loglevel=error >&2)

cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
if [ "$quick" = 1 ]; then
  exec java -cp "$cp" io.drizzlemigrator.benchmarks.BenchMain --out benchmarks/target/quick "$@"
else
  exec java -cp "$cp" io.drizzlemigrator.benchmarks.BenchMain --out benchmarks/results \
    --chart docs/benchmarks.png --publish docs/benchmarks.md "$@"
fi
