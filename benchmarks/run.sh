#!/usr/bin/env bash
# Builds the JMH benchmarks and runs them (all, or those matching the arguments' regexps),
# every variant side by side in one run. Results: benchmarks/target/jmh-result.json.
#   benchmarks/run.sh                          # everything (~5 minutes)
#   benchmarks/run.sh SmallAllocation          # one class
# JMH_FLAGS replaces the default run length "-f 1 -wi 3 -w 1s -i 5 -r 1s", e.g. JMH_FLAGS="-f 3 -wi 5 -i 10".
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/build-jar.sh
# shellcheck disable=SC2086
exec "$java_bin" --enable-native-access=ALL-UNNAMED -jar benchmarks/target/benchmarks.jar \
  ${JMH_FLAGS:--f 1 -wi 3 -w 1s -i 5 -r 1s} \
  -rf json -rff benchmarks/target/jmh-result.json "$@"
