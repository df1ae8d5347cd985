#!/usr/bin/env bash
# The checker on real test code, with the test frameworks on the class path, so that test and
# lifecycle methods are recognised as composition roots by their real annotations: the test sources
# of commons-lang3, commons-collections4 and commons-io (their -test-sources jars from Maven Central,
# compiled against the main jar and the project's own test dependencies), and this repository's
# runtime tests (JUnit 5 and jqwik, the allocators used for real). For each, one javac run with the
# processor: the checker's diagnostics as javac prints them, its summary and timing notes, and the
# exit code. Also written to benchmarks/target/real-tests.txt; docs/real-code.md reads the findings.
#   benchmarks/real-tests.sh
# Downloads and class files live under benchmarks/target/real-tests only; nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/processor-classes.sh
work=benchmarks/target/real-tests
rm -rf "$work"
mkdir -p "$work"

mvn_quiet() { ./mvnw -B -q -ntp "$@" >&2; }
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.11.0

# One javac run over the .java files under a directory: the checker's diagnostics (its messages end
# with a fix hint), its notes, and how javac ended.
check() {
  local name=$1 release=$2 classpath=$3 sources=$4
  local log="$work/$name.log"
  mkdir -p "$work/$name/classes"
  find "$sources" -name '*.java' | LC_ALL=C sort > "$work/$name/files.txt"
  echo "### $name ($(wc -l < "$work/$name/files.txt") files, --release $release)"
  local status=0
  "$javac_bin" --release "$release" -Xlint:none -Xmaxwarns 100000 -Xmaxerrs 100000 -d "$work/$name/classes" \
    -cp "$classpath" -processorpath "$processor" -Aallocdiscipline.timing=true \
    "@$work/$name/files.txt" > "$log" 2>&1 || status=$?
  grep -E 'Fix: |allocdiscipline:|error:' "$log" | sed "s|$PWD/||" || true
  echo "### exit $status"
}

# A library's test sources, against its main jar and its test-scoped dependencies (other versions
# of the library itself left out, as a transitive dependency may bring one).
library() {
  local group=$1 artifact=$2 version=$3 release=$4
  local dir="$work/$artifact"
  mkdir -p "$dir/src" "$dir/deps"
  mvn_quiet -N "$dependency_plugin:copy" -Dartifact="$group:$artifact:$version:pom" -DoutputDirectory="$dir"
  mvn_quiet -N "$dependency_plugin:copy" -Dartifact="$group:$artifact:$version:jar" -DoutputDirectory="$dir"
  mvn_quiet -N "$dependency_plugin:copy" -Dartifact="$group:$artifact:$version:jar:test-sources" \
    -DoutputDirectory="$dir"
  mv "$dir/$artifact-$version.pom" "$dir/pom.xml"
  (cd "$dir" && "$OLDPWD/mvnw" -B -q -ntp "$dependency_plugin:copy-dependencies" -DincludeScope=test \
    -DoutputDirectory=deps >&2)
  (cd "$dir/src" && unzip -q "../$artifact-$version-test-sources.jar")
  local classpath="$dir/$artifact-$version.jar"
  for jar in "$dir"/deps/*.jar; do
    case "$(basename "$jar")" in "$artifact"-[0-9]*) continue ;; esac
    classpath+=":$jar"
  done
  check "$artifact-$version-tests" "$release" "$classpath" "$dir/src"
}

{
  library org.apache.commons commons-lang3 3.20.0 8
  library org.apache.commons commons-collections4 4.6.0 8
  library commons-io commons-io 2.22.0 8
  mvn_quiet -o -pl runtime -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
  mvn_quiet -o -pl runtime "$dependency_plugin:build-classpath" -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$work/runtime-classpath.txt"
  check runtime-tests 25 "runtime/target/classes:$(cat "$work/runtime-classpath.txt")" runtime/src/test/java
} | tee "$work.txt"
