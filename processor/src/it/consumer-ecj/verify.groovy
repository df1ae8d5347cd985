// Eclipse's compiler runs the processor, which cannot reach javac's tree API there: it says so in one
// note, reports nothing else, and throws nothing.
def log = new File(basedir, 'build.log').text
// from where ecj starts: resolving the plugin's dependencies before it may log Maven's own checksum traces
assert log.contains('Compiling with eclipse') : 'not compiled by ecj:\n' + log
def compile = log.substring(log.indexOf('Compiling with eclipse'))
def notes = compile.readLines().findAll { it.contains('allocator discipline is not checked here') }
assert notes.size() == 1 : 'expected the one note:\n' + compile
assert notes[0].contains('BatchProcessingEnvImpl') : notes[0]
assert !compile.contains('[hardcoded-allocator]') : compile
assert !(compile =~ /(?m)^\s+at [\w.$]+\(/) && !(compile =~ /(?m)^\s+at [\w.$]+ \(/) : 'a stack trace:\n' + compile
assert !compile.contains('Exception') : compile
assert new File(basedir, 'target/classes/com/example/Lib.class').isFile()
return true
