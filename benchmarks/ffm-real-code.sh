#!/usr/bin/env bash
# The checker on real java.lang.foreign code: compiles each of the four FFM libraries that
# benchmarks/ffm-libraries.sh fetches (sources jars from Maven Central, dependencies on the class path)
# with the processor, and lists every finding. docs/real-code.md gives each finding a verdict.
#   benchmarks/ffm-real-code.sh                  # all libraries; findings in benchmarks/target/ffm-real-code/
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -o -pl processor -am compile >&2 || ./mvnw -B -q -ntp -pl processor -am compile >&2
. .mvn/select-jdk.sh
javac_bin="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

work=benchmarks/target/ffm-real-code
benchmarks/ffm-libraries.sh "$work"

processor=processor/target/classes
total=0
for corpus in "$work"/*.corpus; do
  name=$(basename "$corpus" .corpus)
  mapfile -t folders < <(sed -n 's|^sources |'"$work"'/|p' "$corpus")
  mapfile -t files < <(find "${folders[@]}" -name '*.java' ! -name module-info.java | LC_ALL=C sort)
  classpath=$(sed -n 's|^classpath |'"$work"'/|p' "$corpus" | paste -sd: -)
  out="$work/$name.txt"
  rm -rf "$work/classes" && mkdir -p "$work/classes"
  set +e
  "$javac_bin" --release 25 -nowarn -Xmaxwarns 100000 -Xmaxerrs 100 -d "$work/classes" -cp "$classpath" \
    -processorpath "$processor" "${files[@]}" > "$out" 2>&1
  status=$?
  set -e
  findings=$(grep -c 'warning: \[[a-z-]*\]' "$out" || true)
  problems=$(grep -c -e 'internal error' -e 'gave up' "$out" || true)
  total=$((total + findings))
  echo "### $(sed -n '1s/^# //p' "$corpus"): ${#files[@]} files, javac exit $status, $findings findings, $problems internal notes"
  grep -A1 'warning: \[[a-z-]*\]' "$out" | sed "s|$work/src/[^/]*/||" | grep -v '^--$' || true
done
echo "### total: $total findings"
