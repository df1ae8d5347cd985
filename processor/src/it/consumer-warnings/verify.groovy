// The processor runs from annotationProcessorPaths alone: a warning at file:line:column, the
// composition root stays silent, the summary has the true count, and the SARIF file is written.
def log = new File(basedir, 'build.log').text
def warning = log.readLines().findAll { it.contains('[hardcoded-allocator]') }
assert warning.size() == 1 : "expected one finding, got:\n" + warning.join('\n')
assert warning[0].startsWith('[WARNING] ') : warning[0]
assert warning[0].contains('com/example/Lib.java:[13,29] [hardcoded-allocator] com.example.Lib.buffer() names the global PageAllocator.INSTANCE') : warning[0]
assert !log.contains('App.java:[') : 'the main method is a composition root'
assert log.contains('allocdiscipline: 1 finding (1 new)') : 'summary missing'
assert log.contains('BUILD SUCCESS')
def sarif = new File(basedir, 'target/allocdiscipline.sarif')
assert sarif.isFile() : 'no SARIF report'
def json = new groovy.json.JsonSlurper().parse(sarif)
assert json.version == '2.1.0'
assert json.runs[0].results.size() == 1
assert json.runs[0].results[0].ruleId == 'hardcoded-allocator'
assert json.runs[0].results[0].locations[0].physicalLocation.region.startLine == 13
assert !new File(basedir, '.mvn/jvm.config').exists()
return true
