# Sourced by ./mvnw (POSIX sh). The project needs JDK 25; many machines keep an older default
# `java` with a JDK 25 installed beside it. When JAVA_HOME is unset or names an older JDK,
# look for an installed JDK 25+ in the usual places and use it, so that the README's commands
# work as typed. If none is found, Maven's enforcer rule stops the build with instructions.
allocdiscipline_java_feature() {
  # prints the feature release (17, 25, ...) of the java binary "$1", or nothing
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

allocdiscipline_select_jdk() {
  _want=25
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    _have=$(allocdiscipline_java_feature "$JAVA_HOME/bin/java")
  elif command -v java >/dev/null 2>&1; then
    _have=$(allocdiscipline_java_feature java)
  else
    _have=0
  fi
  [ "${_have:-0}" -ge "$_want" ] 2>/dev/null && return 0
  for _home in /usr/lib/jvm/* /usr/lib64/jvm/* /opt/java/* /opt/jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "${HOME:-/nonexistent}"/.sdkman/candidates/java/*; do
    [ -x "$_home/bin/javac" ] || continue
    _f=$(allocdiscipline_java_feature "$_home/bin/java")
    if [ "${_f:-0}" -ge "$_want" ] 2>/dev/null; then
      [ "${MVNW_VERBOSE-}" = true ] && echo "mvnw: using JDK $_f at $_home" >&2
      JAVA_HOME=$_home
      export JAVA_HOME
      return 0
    fi
  done
  return 0
}
# mvnw runs with `set -f`; the search below needs globbing
case $- in *f*) set +f; allocdiscipline_select_jdk; set -f ;; *) allocdiscipline_select_jdk ;; esac
