#!/usr/bin/env bash
# What the allocator-discipline checker adds to compile time: whole javac runs with and without the
# processor, interleaved in one JVM, on the sources of commons-lang3, commons-collections4 and
# commons-io (from Maven Central), on the four FFM libraries of ffm-libraries.sh (each with its
# dependencies) and on a dense synthetic corpus at 1x, 2x and 4x (JavaPoet).
# Prints a markdown table of ratios; also written to benchmarks/target/javac-overhead.md.
#   benchmarks/javac-overhead.sh                          # everything (~10 minutes on 2 cores)
#   benchmarks/javac-overhead.sh --rounds 11 --warmup 3   # more rounds
#   benchmarks/javac-overhead.sh --only synthetic --scales 1,2,4,8
#   benchmarks/javac-overhead.sh --only ffm --rounds 5 --warmup 2
#   benchmarks/javac-overhead.sh --only real,ffm         # every real corpus, no synthetic one
#   benchmarks/javac-overhead.sh --mode cold              # one javac process per compilation, 7 rounds
# The sources jars, the FFM libraries and the synthetic corpus live under benchmarks/target only;
# nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/build-jar.sh

corpora=benchmarks/target/corpora
rm -rf "$corpora"
for artifact in org.apache.commons:commons-lang3:3.20.0 \
                org.apache.commons:commons-collections4:4.6.0 \
                commons-io:commons-io:2.22.0; do
  ./mvnw -B -q -ntp -N org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy \
    -Dartifact="$artifact:jar:sources" -DoutputDirectory="$corpora"
done
ffm_libraries=benchmarks/target/ffm-libraries
benchmarks/ffm-libraries.sh "$ffm_libraries"

runtime_jar=$(ls runtime/target/allocdiscipline-runtime-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)
processor_jar=$(ls processor/target/allocdiscipline-processor-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1)
# A fixed heap, so that heap resizing does not fall on one variant more than on the other.
exec "$java_bin" -Xms3g -Xmx3g -cp benchmarks/target/benchmarks.jar \
  org.allocdiscipline.benchmarks.javac.JavacOverhead \
  --sources-jars "$corpora" --ffm-libraries "$ffm_libraries" --runtime-jar "$runtime_jar" --processor-jar "$processor_jar" \
  --work benchmarks/target/javac-overhead --out benchmarks/target/javac-overhead.md "$@"
