// The fast setup: the same annotationProcessorPaths entry and -proc:none, nothing else. javac starts
// the plugin by itself; it reports at file:line:column with the default options.
def log = new File(basedir, 'build.log').text
def warnings = log.readLines().findAll { it.contains('[hardcoded-allocator]') }
assert warnings.size() == 1 : "expected one finding, got:\n" + warnings.join('\n')
assert warnings[0].startsWith('[WARNING] ') && warnings[0].contains('com/example/Lib.java:[13,29]') : warnings[0]
assert !log.contains('App.java:[') : 'the main method is a composition root'
assert log.contains('allocdiscipline: 1 finding (1 new)') : 'summary missing'
// no plugin arguments: the plugin says that -A options do not reach it
assert log.count('allocdiscipline: checking as a javac plugin with the default options') == 1 : log
assert log.contains('BUILD SUCCESS')
return true
