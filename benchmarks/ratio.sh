#!/usr/bin/env bash
# Ratios of JMH benchmarks to a baseline with the machine's drift cancelled: one fork of each per round,
# in alternating order, and for each benchmark the median of its per-round ratios to the baseline with
# its 95 % interval. The first benchmark named is the baseline.
#   benchmarks/ratio.sh --rounds 11 --param size=8 \
#       SmallAllocationBenchmark.slicingAllocator SmallAllocationBenchmark.arenaAllocatorShared \
#       SmallAllocationBenchmark.arenaAllocatorThreadConfined SmallAllocationBenchmark.arenaAllocatorUnchecked
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/build-jar.sh
exec "$java_bin" --enable-native-access=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
  org.allocdiscipline.benchmarks.PairedRatio "$@"
