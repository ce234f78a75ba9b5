#!/usr/bin/env bash
# Measures the teach preset of `litmus run` (README, "The teach preset"), printing figures:
#
#   configs  which JVM configurations show each racy variant's interesting outcome: every racy variant (a test with
#            an ACCEPTABLE_INTERESTING outcome) runs once per candidate configuration (one jcstress -jvmArgs each,
#            one fork per configuration; on JDK 17 jcstress doubles it with +/-UseBiasedLocking), and the table says
#            in how many forks the interesting outcome showed, with the wall time of each configuration.
#   preset   the chosen preset over the whole collection: wall time per test (start-up included) and the share of
#            @ObservedOn(<this arch>) variants that showed their interesting outcome in this one run.
#
#   probes   the configs stage over scratch tests (tools/cli/bench/probes): shapes the lessons may not have yet, e.g.
#            a plain loop of increments (C2 folds it) and message passing (only compiler reordering shows it on x86).
#
# Usage: tools/cli/bench/teach-preset.sh [configs|preset|probes|all]  (default: all = configs, preset; `mvn verify` first)
# Environment: TESTS=REGEX (default .*), TIME_MS=200 (iteration time in the configs stage),
#              CONFIGS="name=jvm flags;..." (candidates), OUT=dir (default tools/cli/target/bench/teach-preset).
# The machine is shared: the figures come with `uptime`'s load average; compare runs at similar loads.
set -euo pipefail
cd "$(dirname "$0")/../../.."

STAGE=${1:-all}
JAR=tools/cli/target/litmus.jar
OUT=${OUT:-tools/cli/target/bench/teach-preset}
TESTS=${TESTS:-.*}
TIME_MS=${TIME_MS:-200}
STRESS="-XX:+UnlockDiagnosticVMOptions -XX:+StressLCM -XX:+StressGCM -XX:+StressIGVN -XX:+StressCCP"
CONFIGS=${CONFIGS:-"int=-Xint;c1=-XX:TieredStopAtLevel=1;c2=-XX:-TieredCompilation;tiered=-XX:+UseParallelGC;c2-stress=-XX:-TieredCompilation $STRESS"}

[ -f "$JAR" ] || { echo "teach-preset.sh: $JAR is missing; run 'mvn verify' (or package) first" >&2; exit 2; }
mkdir -p "$OUT"
litmus() { java -jar "$JAR" "$@"; }

# Per-fork results from a jcstress -v console log: "<test> <forks with an interesting outcome> <forks>".
forks_seen() {
    awk '
        /^RUN RESULTS:/ { done = 1 }
        done { next }
        /^\.* *\[[A-Z ]+\] [^ ]+ *$/ { test = $NF; forks[test]++; cur = test; next }
        cur != "" && / Interesting  / {
            line = $0; sub(/ Interesting  .*/, "", line); n = split(line, f, " +");
            samples = f[n - 1]; gsub(",", "", samples);
            if (samples + 0 > 0) hit[cur "\t" FILENAME "\t" forks[cur]] = 1
        }
        END {
            for (k in hit) { split(k, p, "\t"); seen[p[1]]++ }
            for (t in forks) printf "%s %d %d\n", t, seen[t] + 0, forks[t]
        }' "$@" | sort
}

load() { uptime | sed 's/.*load average: //'; }

# Runs one jcstress invocation per candidate configuration over the tests in $racy and prints the table.
configs_table() {
    local label=$1 dir=$2
    n=$(echo "$racy" | wc -l)
    echo "== $label: $n racy variants, one fork per configuration (x2 +/-UseBiasedLocking on JDK 17), -time $TIME_MS ms"
    echo "   java: $(java -version 2>&1 | head -1); arch $(uname -m); $(nproc) CPUs; load before: $(load)"
    names=()
    IFS=';' read -ra cfgs <<< "$CONFIGS"
    for c in "${cfgs[@]}"; do
        name=${c%%=*}; flags=${c#*=}; names+=("$name")
        start=$(date +%s%N)
        run_config "$name" "$flags"
        end=$(date +%s%N)
        forks_seen "$OUT/$dir/$name/jcstress.log" > "$OUT/$dir-$name.seen"
        printf '   %-10s %6.1f s wall (%.1f s/test)  load %s  [%s]\n' "$name" \
            "$(echo "($end - $start) / 1000000000" | bc -l)" "$(echo "($end - $start) / 1000000000 / $n" | bc -l)" \
            "$(load | cut -d, -f1)" "$flags"
    done
    echo
    printf '   %-64s' "interesting outcome seen in forks (seen/forks)"
    for name in "${names[@]}"; do printf ' %9s' "$name"; done
    echo
    for t in $racy; do
        printf '   %-64s' "${t#org.litmuslab.}"
        for name in "${names[@]}"; do
            v=$(awk -v t="$t" '$1 == t { print $2 "/" $3 }' "$OUT/$dir-$name.seen")
            printf ' %9s' "${v:-n/a}"
        done
        echo
    done
    echo
}

if [ "$STAGE" = configs ] || [ "$STAGE" = all ]; then
    racy=$(litmus list --racy --names --tests "$TESTS")
    [ -n "$racy" ] || { echo "no racy variant matches TESTS=$TESTS"; exit 2; }
    regex="^($(echo "$racy" | sed 's/\./\\./g' | paste -sd'|'))\$"
    run_config() {
        litmus run --tests "$regex" --out "$OUT/configs/$1" --force --progress none \
            -- -jvmArgs "$2" -time "$TIME_MS" > "$OUT/configs-$1.out" 2>&1 || true
    }
    configs_table configs configs
fi

if [ "$STAGE" = probes ]; then
    classes="$OUT/probes-classes"
    rm -rf "$classes"; mkdir -p "$classes"
    javac -d "$classes" -cp "$JAR" -processorpath "$JAR" \
        -processor org.openjdk.jcstress.infra.processors.JCStressTestProcessor \
        tools/cli/bench/probes/org/litmuslab/bench/Probes.java
    # TestList lines start JCTEST<length>S<test name>...
    racy=$(awk '{ match($0, /^JCTEST[0-9]+S/); n = substr($0, 7, RLENGTH - 7) + 0; print substr($0, RLENGTH + 1, n) }' \
        "$classes/META-INF/TestList" | sort)
    cp="$(cd "$classes" && pwd):$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
    run_config() {
        mkdir -p "$OUT/probes/$1"
        (cd "$OUT/probes/$1" && java -cp "$cp" org.openjdk.jcstress.Main -m quick -v -sc false -f 1 -iters 1 \
            -time "$TIME_MS" -r html -jvmArgs "$2" > jcstress.log 2>&1) || true
    }
    configs_table probes probes
fi

if [ "$STAGE" = preset ] || [ "$STAGE" = all ]; then
    arch=$(uname -m)
    total=$(litmus list --names --tests "$TESTS" | wc -l)
    claimed=$(litmus list --observed-on "$arch" --names --tests "$TESTS")
    echo "== preset teach over $total tests (TESTS=$TESTS); load before: $(load)"
    start=$(date +%s%N)
    rc=0
    litmus run --tests "$TESTS" --out "$OUT/preset" --force --progress lines > "$OUT/preset.out" 2>&1 || rc=$?
    end=$(date +%s%N)
    wall=$(echo "($end - $start) / 1000000000" | bc -l)
    forks_seen "$OUT/preset/jcstress.log" > "$OUT/preset.seen"
    printf '   wall %.1f s for %d tests: %.2f s/test (start-up included), litmus exit code %d, load after: %s\n' \
        "$wall" "$total" "$(echo "$wall / $total" | bc -l)" "$rc" "$(load)"
    nclaimed=0; nseen=0
    for t in $claimed; do
        nclaimed=$((nclaimed + 1))
        v=$(awk -v t="$t" '$1 == t { print $2 }' "$OUT/preset.seen")
        if [ "${v:-0}" -gt 0 ]; then nseen=$((nseen + 1)); else echo "   UNSEEN: $t claims @ObservedOn(\"$arch\")"; fi
    done
    if [ "$nclaimed" -gt 0 ]; then
        printf '   @ObservedOn("%s") variants that showed their interesting outcome: %d of %d (%.1f %%)\n' \
            "$arch" "$nseen" "$nclaimed" "$(echo "100 * $nseen / $nclaimed" | bc -l)"
    else
        echo "   no variant claims @ObservedOn(\"$arch\") yet"
    fi
    echo "   cross-check, the gate on the run's dump(s):"
    litmus gate --fail-on forbidden,error,unseen-interesting "$OUT"/preset/jcstress-results-*.bin.gz 2>&1 \
        | sed 's/^/     /' || true
    racy=$(litmus list --racy --names --tests "$TESTS")
    nr=0; nrs=0
    for t in $racy; do
        nr=$((nr + 1)); v=$(awk -v t="$t" '$1 == t { print $2 }' "$OUT/preset.seen"); [ "${v:-0}" -gt 0 ] && nrs=$((nrs + 1))
    done
    printf '   racy variants (claimed or not) that showed their interesting outcome: %d of %d\n' "$nrs" "$nr"
fi
