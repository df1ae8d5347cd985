// The README's gate on a project with tests (build.log holds the four invocations one after the other).
def invocations = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/)
        .findAll { it.contains('Scanning for projects...') }
assert invocations.size() == 4 : invocations.size()
def (accept, newInMain, newInTests, rebuild) = invocations
def lines = { String log, String prefix -> log.readLines().findAll { it.startsWith(prefix) } }
def findings = { String log, String prefix -> lines(log, prefix).findAll { it.contains('[hardcoded-allocator]') } }

// 1: one command wrote both baselines, each with its own compilation's findings and nothing else
def entries = { String name ->
    new File(basedir, name).readLines().findAll { !it.startsWith('#') && !it.isBlank() }
}
def mainEntries = entries('allocdiscipline-baseline.txt')
assert mainEntries.size() == 1 && mainEntries[0].contains('com.example.Lib.buffer()') : mainEntries
def testEntries = entries('allocdiscipline-test-baseline.txt')
assert testEntries.size() == 1 && testEntries[0].contains('com.example.LibTest.release(') : testEntries
assert accept.contains('BUILD SUCCESS') && !lines(accept, '[ERROR]') : accept
assert accept.contains('allocdiscipline: 1 finding, all written to the baseline') : accept
assert accept.count('all written to the baseline') == 2 : 'both compilations wrote their baseline:\n' + accept

// 2: a new finding in main code fails the main compilation, as an error; the accepted one stays quiet
assert newInMain.contains('BUILD FAILURE') : newInMain
def mainErrors = findings(newInMain, '[ERROR]')
assert mainErrors && mainErrors.every { it.contains('Lib.java:[18,29] [hardcoded-allocator] com.example.Lib.added()') } : mainErrors
assert !newInMain.contains('Lib.buffer()') : newInMain

// 3: a new finding in test code fails the test compilation; the main code and the accepted test finding pass
assert newInTests.contains('BUILD FAILURE') : newInTests
def testErrors = findings(newInTests, '[ERROR]')
assert testErrors && testErrors.every { it.contains('LibTest.java:[45,29] [hardcoded-allocator] com.example.LibTest.scratch()') } : testErrors
assert !newInTests.contains('LibTest.release(') && !newInTests.contains('Lib.buffer()') : newInTests
assert newInTests.contains('default-testCompile') && newInTests.contains('Compilation failure') : newInTests

// 4: the clean rebuild of the accepted code passes, tests included, with no finding printed
assert rebuild.contains('BUILD SUCCESS') : rebuild
assert !lines(rebuild, '[ERROR]') && !findings(rebuild, '[WARNING]') : rebuild
assert rebuild.count('allocdiscipline: 1 finding (0 new, 1 accepted by the baseline)') == 2 : rebuild
assert rebuild.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : rebuild

// Each compilation wrote its own SARIF file: its own finding, accepted, in a run that succeeded
def sarif = { String name -> new groovy.json.JsonSlurper().parse(new File(basedir, 'target/' + name)).runs[0] }
[['allocdiscipline.sarif', 'src/main/java/com/example/Lib.java', 'com.example.Lib.buffer()'],
 ['allocdiscipline-test.sarif', 'src/test/java/com/example/LibTest.java', 'com.example.LibTest.release(']].each { name, file, element ->
    def run = sarif(name)
    assert run.invocations*.executionSuccessful == [true] : name
    assert run.results.size() == 1 : "${name}: ${run.results}"
    def result = run.results[0]
    assert result.baselineState == 'unchanged' && result.ruleId == 'hardcoded-allocator' : "${name}: ${result}"
    assert result.locations[0].physicalLocation.artifactLocation.uri.endsWith(file) : "${name}: ${result.locations}"
    assert result.locations[0].logicalLocations[0].fullyQualifiedName.startsWith(element) : "${name}: ${result.locations}"
}
return true
