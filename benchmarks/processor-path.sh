#!/usr/bin/env bash
# The checker as an in-process build runs it (Maven's compiler plugin, a build daemon, an IDE): javac
# loads it from the processor path in every compilation (benchmarks/processor-path/ProcessorPathRuns.java).
# Compares the working tree's jar with a base revision's, both against -proc:none, rounds interleaved in
# one JVM, on the three commons corpora and the four FFM libraries:
#   benchmarks/processor-path.sh c5289c7                  # 2 warm-up + 7 rounds
#   benchmarks/processor-path.sh c5289c7 --rounds 11 --only ffm
# Needs the commons sources and the FFM libraries that benchmarks/javac-overhead.sh fetched (run it once).
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(git rev-parse --verify "${1:?usage: benchmarks/processor-path.sh BASE_REV [--warmup N] [--rounds N] [--only commons|ffm]}^{commit}")
shift
warmup=2 rounds=7 only=all
while [ $# -gt 0 ]; do
  case $1 in
    --warmup) warmup=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work=benchmarks/target/processor-path
. benchmarks/base-and-new-jars.sh
mkdir -p "$work/commons/deps"
cp "$(jar_of runtime)" "$work/commons/deps/runtime.jar"
# The commons corpora as javac-overhead.sh unpacked them, compiled as it compiles them (--release 17).
need() { [ -e "$1" ] || { echo "no $1: run benchmarks/javac-overhead.sh once, it fetches the corpora" >&2; exit 1; }; }
corpora=()
if [ "$only" != ffm ]; then
  need benchmarks/target/javac-overhead/sources
  for sources in benchmarks/target/javac-overhead/sources/*/; do
    name=$(basename "$sources")
    ln -s "$(realpath "$sources")" "$work/commons/$name"
    printf 'sources %s/.\nclasspath deps/runtime.jar\nrelease 17\n' "$name" > "$work/commons/$name.corpus"
  done
  corpora+=("$work/commons")
fi
if [ "$only" != commons ]; then
  need benchmarks/target/ffm-libraries
  corpora+=(benchmarks/target/ffm-libraries)
fi
echo "base $(git rev-parse --short "$base"), new $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + changes'), load $(cut -d' ' -f1-3 /proc/loadavg)"
"$java_bin" -Xms3g -Xmx3g benchmarks/processor-path/ProcessorPathRuns.java "$warmup" "$rounds" \
  "base $(git rev-parse --short "$base")=$work/base.jar,new=$work/new.jar" "${corpora[@]}"
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
