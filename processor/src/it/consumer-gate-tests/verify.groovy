// The baseline holds the main code's finding only; the tests kept their own finding (a helper's, not a
// test method's) as a warning and ran; the last invocation, the clean rebuild, passed the gate (build.log holds every invocation, one after the other).
def baseline = new File(basedir, 'allocdiscipline-baseline.txt')
def entries = baseline.readLines().findAll { !it.startsWith('#') && !it.isBlank() }
assert entries.size() == 1 && entries[0].contains('com.example.Lib.buffer()') : entries

def all = new File(basedir, 'build.log').text
assert all.count('BUILD FAILURE') == 1 : 'the second invocation (the new finding) failed the gate'
assert all.contains('Lib.java:[18,29] [hardcoded-allocator] com.example.Lib.added()') : all
// the invocations follow each other in build.log: the last one is the clean rebuild
def log = all.substring(all.lastIndexOf('Scanning for projects...'))
assert log.contains('BUILD SUCCESS') : log
// test methods choose their allocators (composition roots); the helper they call is still a finding
def testFindings = log.readLines().findAll { it.startsWith('[WARNING]') && it.contains('LibTest.java') && it.contains('[hardcoded-allocator]') } as Set
assert testFindings && testFindings.every { it.contains('LibTest.java:[29,') && it.contains('com.example.LibTest.release(') } : testFindings
assert !log.readLines().any { it.startsWith('[ERROR]') } : log
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : log
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/allocdiscipline.sarif'))
assert sarif.runs[0].results*.baselineState == ['unchanged'] : 'the SARIF file is the main compilation\'s'
return true
