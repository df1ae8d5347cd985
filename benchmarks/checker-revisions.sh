#!/usr/bin/env bash
# The checker at a base revision against the working tree, on the synthetic corpus of the javac-overhead
# harness, with -Aallocdiscipline.timing=true: both builds compile the same sources in one JVM, rounds
# interleaved (benchmarks/checker-ab/CheckerAB.java), twice with the builds in swapped order (the build
# loaded first runs a few percent faster in its JVM). Prints each run and the combined ratio new/base of
# the checker's share of its compilation (the geometric mean of the two runs, which cancels the order).
#   benchmarks/checker-revisions.sh 0ac879d                      # scale 2, 6 warm-up + 15 rounds per run
#   benchmarks/checker-revisions.sh 0ac879d --scale 1 --rounds 21
#   benchmarks/checker-revisions.sh 0ac879d --ffm benchmarks/target/ffm-libraries   # the FFM libraries instead
# (--ffm DIR: a directory that benchmarks/ffm-libraries.sh DIR filled; each round compiles every library)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(git rev-parse --verify "${1:?usage: benchmarks/checker-revisions.sh BASE_REV [--scale N] [--warmup N] [--rounds N] [--ffm DIR]}^{commit}")
shift
scale=2 warmup=6 rounds=15 ffm=()
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --ffm) ffm=("$(cd "$2" && pwd)"); shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work=benchmarks/target/checker-revisions
. benchmarks/base-and-new-jars.sh
runtime=$(jar_of runtime)
echo "base $(git rev-parse --short "$base"), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + changes'), load $(cut -d' ' -f1-3 /proc/loadavg)"
run() {
  "$java_bin" -Xms2g -Xmx2g benchmarks/checker-ab/CheckerAB.java "$1" "$2" "$runtime" benchmarks/target/benchmarks.jar \
    "$work" "$scale" "$warmup" "$rounds" "${ffm[@]}" 2>>"$work/rounds.txt" >"$3"
  cat "$3"
}
echo "run 1: first base, second new"
run "$work/base.jar" "$work/new.jar" "$work/run1.txt"
echo "run 2: first new, second base"
run "$work/new.jar" "$work/base.jar" "$work/run2.txt"
first=$(awk '/^share-ratio/ {print $2}' "$work/run1.txt")
second=$(awk '/^share-ratio/ {print $2}' "$work/run2.txt")
awk -v a="$first" -v b="$second" 'BEGIN { printf "checker share of compilation, new/base: %.3f (run 1 %.3f, run 2 %.3f)\n", sqrt(a / b), a, 1 / b }'
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
