#!/usr/bin/env bash
# The four java.lang.foreign libraries that ffm-real-code.sh checks and javac-overhead.sh times, made
# ready to compile: fetches each library's sources jar and dependency jars from Maven Central into DIR,
# unpacks the sources, and writes one DIR/<artifact>-<version>.corpus per library, which says what to
# compile and against what:
#   sources <folder>     every .java file under it is compiled, except module-info.java (one line per folder)
#   classpath <jar>      one line per jar
# Paths are relative to DIR. Both scripts read these files, so both compile exactly the same code.
#   benchmarks/ffm-libraries.sh benchmarks/target/ffm-libraries
set -euo pipefail
dir=$(realpath -m "${1:?usage: benchmarks/ffm-libraries.sh DIR}")
cd "$(dirname "$0")/.."

# group:artifact:version, then the source folders to compile ('' = every source of the jar). The newest
# versions whose sources jars Maven Central served here (jline-terminal-ffm 4.x and tomcat-embed-core
# after 11.0.18 had none). For Tomcat, whose FFM code is a few packages of tomcat-embed-core, only those
# packages are compiled and the rest of Tomcat comes from its jar.
libraries=(
  "org.jline:jline-terminal-ffm:3.30.6|"
  "io.github.tree-sitter:jtreesitter:0.26.0|"
  "org.apache.datasketches:datasketches-memory:6.0.0|"
  "org.apache.tomcat.embed:tomcat-embed-core:11.0.18|org/apache/tomcat/util/net/openssl/panama org/apache/tomcat/util/openssl"
)

rm -rf "$dir" && mkdir -p "$dir"
mvn_dependency() { ./mvnw -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.11.0:"$@" >&2; }
for entry in "${libraries[@]}"; do
  IFS=: read -r group artifact version <<<"${entry%%|*}"
  folders=${entry#*|}
  name=$artifact-$version
  # A pom per library, so that each class path holds that library's dependencies and no other's.
  mkdir -p "$dir/poms/$artifact"
  cat > "$dir/poms/$artifact/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>local</groupId><artifactId>ffm-$artifact</artifactId><version>1</version><packaging>pom</packaging>
<dependencies><dependency><groupId>$group</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency></dependencies>
</project>
EOF
  mvn_dependency copy-dependencies -f "$dir/poms/$artifact/pom.xml" -DoutputDirectory="$dir/deps/$artifact"
  mvn_dependency copy -N -Dartifact="$group:$artifact:$version:jar:sources" -DoutputDirectory="$dir/sources"
  mkdir -p "$dir/src/$artifact"
  (cd "$dir/src/$artifact" && jar xf "../../sources/$name-sources.jar")

  if [ "$artifact" = datasketches-memory ]; then
    # Written against JDK 21's preview FFM API: MemorySegment.segmentOffset is gone since JDK 22. Its JDK 22
    # equivalent (the difference of the addresses) lets the library compile, class files and all, on JDK 25.
    sed -i 's/this\.seg\.segmentOffset(that2\.seg)/(that2.seg.address() - this.seg.address())/' \
      "$dir/src/$artifact/org/apache/datasketches/memory/internal/ResourceImpl.java"
    ! grep -rq segmentOffset "$dir/src/$artifact" || { echo "segmentOffset left in $artifact" >&2; exit 1; }
  fi

  {
    echo "# $group:$artifact:$version"
    if [ -z "$folders" ]; then
      echo "sources src/$artifact"
    else
      for folder in $folders; do echo "sources src/$artifact/$folder"; done
    fi
    # A library compiled whole leaves its own jar off the class path: its sources are what is compiled.
    (cd "$dir" && find "deps/$artifact" -name '*.jar' | LC_ALL=C sort) |
      if [ -z "$folders" ]; then grep -v -x -F "deps/$artifact/$name.jar" || true; else cat; fi |
      sed 's/^/classpath /'
  } > "$dir/$name.corpus"
done
rm -rf "$dir/poms"
