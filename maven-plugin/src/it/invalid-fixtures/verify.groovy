// The build failed (invoker.buildResult); it failed in graphlint:validate, naming the fixture, rule and pointer.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] fixtures/create-unknown-property.json:')
assert log.contains('additionalProperties')
assert log.contains('graphlint-maven-plugin') && log.contains(':validate')
assert log.contains('2 fixtures: 1 failing (1 error, 0 warnings)')
def json = new File(basedir, 'target/graphlint/graphlint.json')
assert json.isFile() && json.text.contains('create-unknown-property.json')
return true
