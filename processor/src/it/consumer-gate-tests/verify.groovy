// The README's gate on a project with tests, in both setups (build.log holds the eight invocations one
// after the other: four of the default setup, then four of the plugin setup in plugin-setup/).
def invocations = new File(basedir, 'build.log').text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/)
        .findAll { it.contains('Scanning for projects...') }
assert invocations.size() == 8 : invocations.size()
def lines = { String log, String prefix -> log.readLines().findAll { it.startsWith(prefix) } }
def findings = { String log, String prefix -> lines(log, prefix).findAll { it.contains('[hardcoded-allocator]') } }

def checkSetup = { File project, List<String> logs ->
    def (accept, newInMain, newInTests, rebuild) = logs
    def setup = project.name

    // 1: one command wrote both baselines, each with its own compilation's findings and nothing else
    def entries = { String name ->
        new File(project, name).readLines().findAll { !it.startsWith('#') && !it.isBlank() }
    }
    def mainEntries = entries('allocdiscipline-baseline.txt')
    assert mainEntries.size() == 1 && mainEntries[0].contains('com.example.Lib.buffer()') : "${setup}: ${mainEntries}"
    def testEntries = entries('allocdiscipline-test-baseline.txt')
    assert testEntries.size() == 1 && testEntries[0].contains('com.example.LibTest.release(') : "${setup}: ${testEntries}"
    assert accept.contains('BUILD SUCCESS') && !lines(accept, '[ERROR]') : accept
    assert accept.count('allocdiscipline: 1 finding, all written to the baseline') == 2 : 'both baselines:\n' + accept

    // 2: a new finding in main code fails the main compilation, as an error; the accepted one stays quiet
    assert newInMain.contains('BUILD FAILURE') : newInMain
    def mainErrors = findings(newInMain, '[ERROR]')
    assert mainErrors && mainErrors.every { it.contains('Lib.java:[18,29] [hardcoded-allocator] com.example.Lib.added()') } : mainErrors
    assert !newInMain.contains('Lib.buffer()') : newInMain
    // javac shows the summary note with the first printed finding's file (docs/processor.md, "Known limits")
    def summary = lines(newInMain, '[INFO] ').find { it.contains('allocdiscipline: 2 findings') }
    assert summary ==~ /\[INFO\] \/.*\/src\/v2\/java\/com\/example\/Lib\.java: allocdiscipline: 2 findings \(1 new, 1 accepted by the baseline\).*/ : summary

    // 3: a new finding in test code fails the test compilation; the main code and the accepted test finding pass
    assert newInTests.contains('BUILD FAILURE') : newInTests
    def testErrors = findings(newInTests, '[ERROR]')
    assert testErrors && testErrors.every { it.contains('LibTest.java:[44,29] [hardcoded-allocator] com.example.LibTest.scratch()') } : testErrors
    assert !newInTests.contains('LibTest.release(') && !newInTests.contains('Lib.buffer()') : newInTests
    assert newInTests.contains('default-testCompile') && newInTests.contains('Compilation failure') : newInTests

    // 4: the clean rebuild of the accepted code passes, tests included, with no finding printed
    assert rebuild.contains('BUILD SUCCESS') : rebuild
    assert !lines(rebuild, '[ERROR]') && !findings(rebuild, '[WARNING]') : rebuild
    assert rebuild.count('\n[INFO] allocdiscipline: 1 finding (0 new, 1 accepted by the baseline)') == 2 : 'no file: ' + rebuild
    assert rebuild.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0') : rebuild

    // Each compilation wrote its own SARIF file: its own finding, accepted, in a run that succeeded
    [['allocdiscipline.sarif', 'src/main/java/com/example/Lib.java', 'com.example.Lib.buffer()'],
     ['allocdiscipline-test.sarif', 'src/test/java/com/example/LibTest.java', 'com.example.LibTest.release(']].each { name, file, element ->
        def run = new groovy.json.JsonSlurper().parse(new File(project, 'target/' + name)).runs[0]
        assert run.invocations*.executionSuccessful == [true] : "${setup}: ${name}"
        assert run.results.size() == 1 : "${setup}: ${name}: ${run.results}"
        def result = run.results[0]
        assert result.baselineState == 'unchanged' && result.ruleId == 'hardcoded-allocator' : "${setup}: ${name}: ${result}"
        def location = result.locations[0]
        assert location.physicalLocation.artifactLocation.uri.endsWith(file) : "${setup}: ${name}: ${location}"
        assert location.logicalLocations[0].fullyQualifiedName.startsWith(element) : "${setup}: ${name}: ${location}"
    }
}

checkSetup(basedir, invocations[0..3])
checkSetup(new File(basedir, 'plugin-setup'), invocations[4..7])
return true
