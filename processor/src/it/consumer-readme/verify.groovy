// The README's pom builds a library and runs its tests: the checker ran on both compilations and
// found nothing, both tests passed, and native access was granted (no JDK warning).
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
assert !log.contains('[owned-not-freed]') && !log.contains('[hardcoded-allocator]') : log
assert !log.contains('restricted method') : 'native access was not granted:\n' + log
assert new File(basedir, 'target/my-library-1.0-SNAPSHOT.jar').isFile()
return true
