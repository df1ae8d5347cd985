#!/usr/bin/env bash
# The checker on real java.lang.foreign code: fetches the Maven Central sources jars of four FFM
# libraries, compiles each with the processor (its dependencies on the class path, fetched by Maven),
# and lists every finding. docs/real-code.md gives each finding a verdict.
#   benchmarks/ffm-real-code.sh                  # all libraries; findings in benchmarks/target/ffm-real-code/
# Only the library's own sources are compiled; for Tomcat, whose FFM code is a few packages of
# tomcat-embed-core, only those packages (the rest of Tomcat comes from its jar).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -ntp -o -pl processor -am compile >&2 || ./mvnw -B -q -ntp -pl processor -am compile >&2
. .mvn/select-jdk.sh
javac_bin="${JAVA_HOME:+$JAVA_HOME/bin/}javac"

# group:artifact:version, then the source folders to compile ('' = every source of the jar). The newest
# versions whose sources jars Maven Central served here (jline-terminal-ffm 4.x and tomcat-embed-core
# after 11.0.18 had none).
libraries=(
  "org.jline:jline-terminal-ffm:3.30.6|"
  "io.github.tree-sitter:jtreesitter:0.26.0|"
  "org.apache.datasketches:datasketches-memory:6.0.0|"
  "org.apache.tomcat.embed:tomcat-embed-core:11.0.18|org/apache/tomcat/util/net/openssl/panama org/apache/tomcat/util/openssl"
)

work=benchmarks/target/ffm-real-code
rm -rf "$work" && mkdir -p "$work"
{
  echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
  echo '<groupId>local</groupId><artifactId>ffm-real-code</artifactId><version>1</version><packaging>pom</packaging><dependencies>'
  for entry in "${libraries[@]}"; do
    IFS=: read -r group artifact version <<<"${entry%%|*}"
    echo "<dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>"
  done
  echo '</dependencies></project>'
} > "$work/pom.xml"
mvn_deps() { ./mvnw -B -q -ntp -f "$work/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy-dependencies "$@" >&2; }
mvn_deps -DoutputDirectory=deps
mvn_deps -DoutputDirectory=sources -Dclassifier=sources -DexcludeTransitive=true

processor=processor/target/classes
total=0
for entry in "${libraries[@]}"; do
  IFS=: read -r group artifact version <<<"${entry%%|*}"
  folders=${entry#*|}
  src="$work/src/$artifact"
  mkdir -p "$src"
  [ -f "$work/sources/$artifact-$version-sources.jar" ] || { echo "no sources jar for $artifact $version" >&2; exit 1; }
  (cd "$src" && jar xf "../../sources/$artifact-$version-sources.jar")
  if [ -z "$folders" ]; then
    mapfile -t files < <(find "$src" -name '*.java' ! -name module-info.java | LC_ALL=C sort)
    # The library's own jar stays off the class path: its sources are what is compiled.
    classpath=$(find "$work/deps" -name '*.jar' ! -name "$artifact-$version.jar" | LC_ALL=C sort | paste -sd: -)
  else
    mapfile -t files < <(for f in $folders; do find "$src/$f" -name '*.java'; done | LC_ALL=C sort)
    classpath=$(find "$work/deps" -name '*.jar' | LC_ALL=C sort | paste -sd: -)
  fi
  out="$work/$artifact.txt"
  rm -rf "$work/classes" && mkdir -p "$work/classes"
  set +e
  "$javac_bin" --release 25 -nowarn -Xmaxwarns 100000 -Xmaxerrs 100 -d "$work/classes" -cp "$classpath" \
    -processorpath "$processor" "${files[@]}" > "$out" 2>&1
  status=$?
  set -e
  findings=$(grep -c 'warning: \[[a-z-]*\]' "$out" || true)
  problems=$(grep -c -e 'internal error' -e 'gave up' "$out" || true)
  total=$((total + findings))
  echo "### $group:$artifact:$version: ${#files[@]} files, javac exit $status, $findings findings, $problems internal notes"
  grep -A1 'warning: \[[a-z-]*\]' "$out" | sed "s|$src/||" | grep -v '^--$' || true
done
echo "### total: $total findings"
