// The fast setup as a gate: -proc:none, severity=error given as a plugin argument; the build fails.
def log = new File(basedir, 'build.log').text
def errors = log.readLines().findAll { it.contains('[hardcoded-allocator]') && it.startsWith('[ERROR]') }
assert errors.size() >= 1 : "expected the finding as an error:\n" + log
assert errors.every { it.contains('com/example/Lib.java:[13,29]') } : errors.join('\n')
assert log.contains('BUILD FAILURE')
assert new File(basedir, 'target/allocdiscipline.sarif').isFile() : 'the plugin writes SARIF too'
assert !new File(basedir, '.mvn/jvm.config').exists()
return true
