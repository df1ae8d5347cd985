# Sourced by the scripts that compare the checker at a base revision with the working tree, from the
# repository root, with base (a commit) and work (a directory under benchmarks/target) set: builds the
# base revision's processor jar in a temporary worktree into $work/base.jar, then the working tree's
# (benchmarks/build-jar.sh, which also sets java_bin) into $work/new.jar; defines jar_of.
tree=$work/base-tree
rm -rf "$work"
mkdir -p "$work"
trap 'git worktree remove --force "$tree" 2>/dev/null || true' EXIT
git worktree add -q --detach "$tree" "$base"
(cd "$tree" && ./mvnw -B -q -ntp -pl processor -am package -DskipTests -Dinvoker.skip -Dmaven.javadoc.skip=true)
jar_of() { ls "$1"/target/allocdiscipline-*.jar | grep -v -e '-sources' -e '-javadoc' | head -n 1; }
cp "$(jar_of "$tree/processor")" "$work/base.jar"
git worktree remove --force "$tree"
. benchmarks/build-jar.sh
cp "$(jar_of processor)" "$work/new.jar"
