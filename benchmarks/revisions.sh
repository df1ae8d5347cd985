#!/usr/bin/env bash
# JMH benchmarks at a base revision against the working tree, with the machine's drift cancelled: the
# benchmarks jar is built at both (the base in a temporary git worktree under benchmarks/target/), then
# each round runs one fork of each build per benchmark, in alternating order, and each benchmark gets
# the median of its per-round ratios new/base with its 95 % interval. JMH's output: target/revisions/jmh.log.
#   benchmarks/revisions.sh 38debbd --rounds 7 --param size=16,256 \
#       GeneralPurposeAllocatorBenchmark.gpaPair GeneralPurposeAllocatorBenchmark.gpaBatch
# A --param applies to every benchmark named; give benchmarks whose parameters differ runs of their own.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
base=$(git rev-parse --verify "${1:?usage: benchmarks/revisions.sh BASE_REV [--rounds N] [--param k=v]... BENCHMARK...}^{commit}")
shift
work=benchmarks/target/revisions
tree=$work/base-tree
rm -rf "$work"
mkdir -p "$work"
trap 'git worktree remove --force "$tree" 2>/dev/null || true' EXIT
git worktree add -q --detach "$tree" "$base"
(cd "$tree" && . "$root/benchmarks/build-jar.sh")
cp "$tree/benchmarks/target/benchmarks.jar" "$work/base.jar"
git worktree remove --force "$tree"
. benchmarks/build-jar.sh
cp benchmarks/target/benchmarks.jar "$work/new.jar"
echo "base $(git rev-parse --short "$base"), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + changes')"
"$java_bin" -cp "$work/new.jar" org.allocdiscipline.benchmarks.RevisionRatio --java "$java_bin" --work "$work" \
  "$work/base.jar" "$work/new.jar" "$@"
