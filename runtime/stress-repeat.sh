#!/usr/bin/env bash
# Runs the GeneralPurposeAllocator's stress tests N times in a row, each in a fresh JVM, and counts
# the runs that passed:  runtime/stress-repeat.sh [N=50] [test class ...]
# Builds the runtime's test classes first; the JUnit console launcher is fetched into ~/.m2 if needed.
# The log of each failed run is kept in runtime/target/stress-repeat/run-<i>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
shift || true
classes=("$@")
if [ ${#classes[@]} -eq 0 ]; then
  classes=(org.allocdiscipline.GeneralPurposeAllocatorChurnTest org.allocdiscipline.GeneralPurposeAllocatorStressTest)
fi
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/javac" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
platform=1.14.4
out=runtime/target/stress-repeat
mkdir -p "$out"
./mvnw -B -ntp -q test-compile -pl runtime
./mvnw -B -ntp -q dependency:build-classpath -pl runtime -Dmdep.outputFile="$PWD/$out/classpath.txt"
./mvnw -B -ntp -q dependency:get -Dartifact=org.junit.platform:junit-platform-console-standalone:$platform
launcher=$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/$platform/junit-platform-console-standalone-$platform.jar
classpath=runtime/target/test-classes:runtime/target/classes:$(cat "$out/classpath.txt")
selectors=()
for class in "${classes[@]}"; do selectors+=(--select-class "$class"); done

passed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$launcher" execute \
      --class-path "$classpath" "${selectors[@]}" --disable-banner --details=summary \
      --fail-if-no-tests > "$out/run-$i.log" 2>&1; then
    passed=$((passed + 1))
    echo "run $i: passed, $(grep -oE '[0-9]+ tests successful' "$out/run-$i.log") ($(( $(date +%s) - start )) s)"
    rm -f "$out/run-$i.log"
  else
    echo "run $i: FAILED ($(( $(date +%s) - start )) s), log: $out/run-$i.log"
  fi
done
echo "stress-repeat: $passed of $runs runs passed (${classes[*]})"
[ "$passed" -eq "$runs" ]
