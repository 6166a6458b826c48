// The build passed (invoker checks that); the log and the reports say what was checked.
def log = new File(basedir, 'build.log').text
assert log.contains('graphlint ') && log.contains('2 fixtures, all valid; checked against vppToken create')
def sarif = new File(basedir, 'target/graphlint/graphlint.sarif')
assert sarif.isFile()
assert sarif.text.contains('"name" : "graphlint"')
assert sarif.text.contains('"results" : [ ]')
assert new File(basedir, 'target/graphlint/graphlint.junit.xml').text.contains('<testsuite')
return true
