#!/usr/bin/env bash
# A long jcstress run of the GeneralPurposeAllocator's slab-protocol tests, every JVM configuration
# jcstress detects:  runtime-jcstress/run.sh [mode=default] [more jcstress options, e.g. -t LetGo]
# Modes: sanity, quick, default (~10 minutes here), tough, stress. The build runs a short one
# itself (./mvnw verify). Exit status 1 when a test saw a FORBIDDEN outcome, failed or did not run;
# the report is in runtime-jcstress/target/jcstress-results/index.html.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-default}
shift || true
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25*; do
    if [ -x "$candidate/bin/javac" ]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
./mvnw -B -ntp -q package -pl runtime-jcstress -am -DskipTests
cd runtime-jcstress/target
exec "$JAVA_HOME/bin/java" -cp jcstress.jar org.allocdiscipline.jcstress.Gate -m "$mode" \
  -jvmArgsPrepend --enable-native-access=ALL-UNNAMED -r jcstress-results "$@"
