# Sourced by the scripts that run javac with the checker, from the repository root: compiles the
# processor (offline when Maven's cache holds everything it needs) and sets javac_bin to a JDK 25
# javac and processor to the processor's classes, for -processorpath.
./mvnw -B -q -ntp -o -pl processor -am compile >&2 || ./mvnw -B -q -ntp -pl processor -am compile >&2
. .mvn/select-jdk.sh
javac_bin="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
processor=processor/target/classes
