#!/usr/bin/env bash
# Proves that the build is reproducible: copies the working tree (tracked and new files, not what
# .gitignore leaves out) into two separate directories, builds each from clean with
# `./mvnw package -DskipTests`, and compares the SHA-256 of every jar the two builds made.
# Exits 0 when every jar is byte-identical, 1 otherwise (naming the entries that differ).
#
#   scripts/reproducible.sh [work directory]     # default: a new directory under /tmp; ~2 builds' time
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d "${TMPDIR:-/tmp}/allocdiscipline-repro.XXXXXX")}"
mkdir -p "$work"

build() {
  local dir="$work/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  (cd "$root" && git ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
     tar --null -T - -cf -) | tar -xf - -C "$dir"
  echo "build $1: $dir" >&2
  (cd "$dir" && ./mvnw -B -q -ntp package -DskipTests > "$work/$1.log" 2>&1) ||
    { echo "build $1 failed, see $work/$1.log" >&2; exit 2; }
  (cd "$dir" && find . -path '*/target/*.jar' -not -path '*/target/it/*' -not -path '*/target/it-repo/*' -print0 |
     sort -z | xargs -0 sha256sum) > "$work/$1.sha256"
}

build first
build second

count=$(wc -l < "$work/first.sha256")
if [ "$count" -eq 0 ]; then
  echo "no jars were built" >&2
  exit 2
fi
if diff -u "$work/first.sha256" "$work/second.sha256" > "$work/diff.txt"; then
  sed 's#  \./#  #' "$work/first.sha256"
  echo "reproducible: $count jars, byte-identical in both builds ($work)"
  exit 0
fi
echo "NOT reproducible: these jars differ ($work/diff.txt):"
grep '^[-+][0-9a-f]' "$work/diff.txt" | sed 's/^[-+][0-9a-f]*  //' | sort -u | while read -r jar; do
  echo "  $jar"
  if [ -f "$work/first/$jar" ] && [ -f "$work/second/$jar" ]; then
    # the entries whose content or time stamp differs
    diff <(cd "$work/first" && unzip -v "$jar" | awk 'NR>3 {print $5, $6, $7, $8}') \
         <(cd "$work/second" && unzip -v "$jar" | awk 'NR>3 {print $5, $6, $7, $8}') | grep '^[<>]' | head -10 | sed 's/^/    /'
  fi
done
exit 1
