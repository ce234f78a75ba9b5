#!/usr/bin/env bash
# Remakes the gate's test data from REAL jcstress runs of org.litmuslab.cli.fixtures.Gate_01_Fixtures:
#   fixtures-tests.jar  the fixtures compiled with the jcstress processor (their META-INF/TestList grades the dumps)
#   clean.bin.gz        Clean and ClaimedAndSeen: nothing forbidden, no error, the claimed outcome shows
#   forbidden.bin.gz    WronglyForbidden: plain v++ graded so that its lost update is FORBIDDEN
#   error.bin.gz        Throws: an actor throws, jcstress records a test error
#   unseen.bin.gz       ClaimedButUnseen: claims @ObservedOn("x86_64") for an outcome no run can show
# Run from anywhere after `mvn package` (it needs tools/cli/target/litmus.jar for jcstress and the annotations).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../../../.." && pwd)
jar="$root/tools/cli/target/litmus.jar"
src="$root/tools/cli/src/test/java/org/litmuslab/cli/fixtures/Gate_01_Fixtures.java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

javac -d "$work/classes" -cp "$jar" -processorpath "$jar" \
    -processor org.openjdk.jcstress.infra.processors.JCStressTestProcessor "$src"
(cd "$work/classes" && jar cf "$here/fixtures-tests.jar" META-INF/TestList) # grading needs only the list

run() { # name regex
    mkdir -p "$work/$1"
    (cd "$work/$1" && java -cp "$work/classes:$jar" org.openjdk.jcstress.Main -m quick -sc false -f 1 -iters 1 \
        -time 100 -jvmArgs -XX:TieredStopAtLevel=1 -t "$2" -r html > console.log 2>&1) || true
    grep -E "^\(Results:|Interesting tests:" "$work/$1/console.log" | tail -2 | sed "s/^/$1: /"
    cp "$work/$1"/jcstress-results-*.bin.gz "$here/$1.bin.gz"
}
run clean 'Gate_01_Fixtures\.(Clean|ClaimedAndSeen)$'
run forbidden 'Gate_01_Fixtures\.WronglyForbidden$'
run error 'Gate_01_Fixtures\.Throws$'
run unseen 'Gate_01_Fixtures\.ClaimedButUnseen$'
ls -l "$here"
