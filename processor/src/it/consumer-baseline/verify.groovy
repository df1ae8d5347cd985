def baseline = new File(basedir, 'allocdiscipline-baseline.txt')
assert baseline.isFile() : 'the baseline was not written'
def entries = baseline.readLines().findAll { !it.startsWith('#') && !it.isBlank() }
assert entries.size() == 1 : entries
assert entries[0].contains('\thardcoded-allocator\tcom.example.Lib.buffer()\t')

// build.log holds the last invocation: the new finding fails the build, the old one is not reported.
def log = new File(basedir, 'build.log').text
// Maven repeats a compilation error in its failure summary: count distinct places.
def findings = log.readLines().findAll { it.startsWith('[ERROR] ') && it.contains('[hardcoded-allocator]') }
def places = findings.collect { (it =~ /[A-Za-z]+\.java:\[\d+,\d+\]/)[0] }.unique()
assert places == ['Lib.java:[18,29]'] : findings.join('\n')
assert !log.contains('Lib.java:[14,29]') : 'the old finding is accepted by the baseline'
assert findings[0].startsWith('[ERROR]') && findings[0].contains('com.example.Lib.added()') : findings[0]
assert findings[0].contains('com/example/Lib.java:[18,29]') : findings[0]
assert log.contains('allocdiscipline: 2 findings (1 new, 1 accepted by the baseline)') : 'summary missing'
assert log.contains('BUILD FAILURE')
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/allocdiscipline.sarif'))
assert sarif.runs[0].results*.baselineState.sort() == ['new', 'unchanged']
return true
