#!/usr/bin/env bash
# The ratio of two JMH benchmarks with the machine's drift cancelled: one fork of each per round, in
# alternating order, and the median of the per-round ratios B / A with its 95 % interval.
#   benchmarks/ratio.sh --rounds 11 --param size=8 \
#       SmallAllocationBenchmark.slicingAllocator SmallAllocationBenchmark.arenaAllocatorShared
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/build-jar.sh
exec "$java_bin" --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
  org.allocdiscipline.benchmarks.PairedRatio "$@"
