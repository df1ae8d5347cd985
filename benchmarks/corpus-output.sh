#!/usr/bin/env bash
# Every diagnostic the checker gives on the code it is tested on, as javac prints it (file, line,
# source line and caret, kind, message): the processor's corpus, the other test cases, the samples'
# wrong code and the consumer builds' sources. A refactoring of the checker must leave this output
# byte-identical:
#   benchmarks/corpus-output.sh > before.txt   # on the old code
#   benchmarks/corpus-output.sh > after.txt    # on the new code
#   diff before.txt after.txt
# It compiles the processor (mvn compile) and runs the JDK's javac once per group of sources that the
# tests compile together, with the processor's classes on the processor path.
set -euo pipefail
cd "$(dirname "$0")/.."
. benchmarks/processor-classes.sh

runtime=runtime/target/classes
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# One javac run: a heading, then javac's output with the repository-relative paths it was given.
group() {
  local name=$1; shift
  local options=() sources=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
  shift
  sources=("$@")
  echo "### $name (${#sources[@]} files) ${options[*]:-}"
  rm -rf "$out/classes" && mkdir -p "$out/classes"
  "$javac_bin" --release 25 -Xmaxwarns 100000 -Xmaxerrs 100000 -d "$out/classes" \
    -cp "$runtime" -processorpath "$processor" "${options[@]}" "${sources[@]}" 2>&1 \
    && echo "### exit 0" || echo "### exit $?"
}

files() { find "$@" -name '*.java' -print | LC_ALL=C sort; }

corpus=processor/src/test/resources/corpus
cases=processor/src/test/resources/cases
# The test frameworks' annotations, by name only, and their assertions that expect a throw, as the
# corpus test provides them (TestFrameworkStubs).
stubs() {
  local name pkg
  for name in org.junit.jupiter.api.{Test,RepeatedTest,TestFactory,TestTemplate,BeforeEach,AfterEach,BeforeAll,AfterAll,Nested} \
      org.junit.jupiter.params.ParameterizedTest org.junit.{Test,Before,After,BeforeClass,AfterClass} \
      org.testng.annotations.{Test,BeforeMethod,AfterMethod,BeforeClass,AfterClass,BeforeSuite,AfterSuite,BeforeTest,AfterTest} \
      net.jqwik.api.{Property,Example}; do
    pkg=${name%.*}
    mkdir -p "$out/stubs/${pkg//.//}"
    printf 'package %s;\nimport java.lang.annotation.*;\n@Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})\npublic @interface %s {}\n' \
      "$pkg" "${name##*.}" > "$out/stubs/${pkg//.//}/${name##*.}.java"
  done
  files "$out/stubs" processor/src/test/resources/stubs
}
mapfile -t stub_sources < <(stubs)
mapfile -t plain < <(files "$corpus" -path "$corpus/unchecked" -prune -o -type f)
group corpus -- "${plain[@]}" "${stub_sources[@]}"
mapfile -t unchecked < <(files "$corpus/unchecked")
group corpus/unchecked -Aallocdiscipline.uncheckedExceptions=true -- "${unchecked[@]}"
for file in $(files "$cases/hardcoded"); do
  group "$file" -- "$file"
done
group cases/modes -- $(files "$cases/modes")
group cases/robust/Failing -- "$cases/robust/Failing.java"
group cases/robust/compact -- $(files "$cases/robust/compact")
group cases/robust/compact-field -- $(files "$cases/robust/compact-field")
group samples/wrong -- $(files samples/src/wrong)
for it in processor/src/it/*/; do
  for src in "$it"src/*/java; do
    group "$src" -- $(files "$src")
  done
done
