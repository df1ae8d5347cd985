# Sourced by the benchmark scripts, from the repository root: builds benchmarks/target/benchmarks.jar
# (and what it depends on) and sets java_bin to a JDK 25 java.
./mvnw -B -q -ntp -pl benchmarks -am package -DskipTests -Dinvoker.skip -Dmaven.javadoc.skip=true
. .mvn/select-jdk.sh
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
