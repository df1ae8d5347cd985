#!/usr/bin/env bash
# The GPA's alloc + free pair against glibc's in thread CPU time (GpaPairCpuTime), one JVM per
# contender, the contenders interleaved round by round so that they see the same machine; prints
# each round's figures, then per contender its median over the rounds and the median of its
# per-round ratios to the first contender. A contender is NAME or NAME@JAR, so that builds of two
# revisions can be compared in one run (build the other revision's benchmarks.jar and copy it away).
#   benchmarks/gpa-cpu.sh [--rounds 5] [--size 16] [--threads 1] mallocCritical gpa [gpa@/tmp/before.jar]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5 size=16 threads=1 extra=()
contenders=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --runs|--ops|--warmup-ms) extra+=("$1" "$2"); shift 2 ;;
    *) contenders+=("$1"); shift ;;
  esac
done
[ ${#contenders[@]} -gt 0 ] || { echo "usage: $0 [--rounds N] [--size B] [--threads N] contender[@jar]..." >&2; exit 2; }
. benchmarks/build-jar.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for round in $(seq 1 "$rounds"); do
  for contender in "${contenders[@]}"; do
    name=${contender%%@*}
    jar=benchmarks/target/benchmarks.jar
    [ "$name" = "$contender" ] || jar=${contender#*@}
    ns=$("$java_bin" --enable-native-access=ALL-UNNAMED -XX:+UnlockExperimentalVMOptions \
      -XX:CompileCommand=quiet -XX:CompileCommand=blackhole,org.allocdiscipline.benchmarks.GpaPairCpuTime::sink \
      -cp "$jar" org.allocdiscipline.benchmarks.GpaPairCpuTime "$name" --size "$size" --threads "$threads" \
      ${extra[@]+"${extra[@]}"} | awk '{print $4}')
    echo "round $round $contender $ns ns (load $(cut -d' ' -f1 /proc/loadavg))"
    echo "$round $contender $ns" >> "$out"
  done
done
base=${contenders[0]}
echo "size $size B, $threads thread(s), $rounds rounds: median ns of CPU per pair, median ratio to $base"
for contender in "${contenders[@]}"; do
  awk -v c="$contender" -v b="$base" '
    $2 == b { base[$1] = $3 }
    $2 == c { own[$1] = $3 }
    function median(a, n,   i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END {
      n = 0
      for (r in own) { n++; ns[n] = own[r]; ratio[n] = own[r] / base[r] }
      printf "%-40s %6.2f ns  ratio %.3f\n", c, median(ns, n), median(ratio, n)
    }' "$out"
done
