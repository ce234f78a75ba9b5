#!/usr/bin/env bash
# Benchmark of `litmus summarize` (not a test: it prints figures). Builds synthetic dumps shaped like a -m quick run
# (28 JVM configurations per test, written by jcstress's own DiskWriteCollector) for several test counts, then
# times `java -jar litmus.jar summarize` on each, JVM start included.
#
# Goal (issue #7): 1,000 tests x 28 configurations in <= 3 s wall on the project's 2-CPU machine, and time growing
# linearly with the number of tests. BEST_S/MEDIAN_S are wall seconds, CPU_S the median user+sys seconds of all the
# JVM's threads (most of it C2 compiling the deserializer, on the second CPU): on a machine shared with other work,
# compare CPU_S, and quote the load average printed with the figures. Needs a build first: mvn -B package -DskipTests (from the repository root).
#
#   tools/cli/bench/summarize-bench.sh [TESTS...]        default: 250 500 1000 2000
set -euo pipefail
cd "$(dirname "$0")/.."                      # tools/cli
JAR=target/litmus.jar
CP="$JAR:target/test-classes"
OUT=target/bench
REPEAT=${REPEAT:-5}
[ -f "$JAR" ] && [ -d target/test-classes ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
mkdir -p "$OUT"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250 500 1000 2000)

now() { date +%s.%N; }
echo "java: $(java -version 2>&1 | head -1); CPUs: $(nproc); $(uptime | sed 's/.*load/load/')"
printf '%8s %9s %8s %8s %9s %12s %10s\n' TESTS RESULTS DUMP_KB BEST_S MEDIAN_S MS_PER_TEST CPU_S
TIMEFORMAT='%R %U %S'
for n in "${sizes[@]}"; do
    dump="$OUT/synthetic-$n.bin.gz"
    jar="$OUT/synthetic-$n.jar"
    if [ ! -f "$dump" ] || [ ! -f "$jar" ]; then
        java -cp "$CP" org.litmuslab.cli.results.SyntheticDump "$n" 28 "$dump" "$jar" > /dev/null
    fi
    times=()
    cpus=()
    for _ in $(seq "$REPEAT"); do
        t0=$(now)
        cpu=$( { time java -jar "$JAR" summarize --tests-jar "$jar" "$dump" > "$OUT/synthetic-$n.txt"; } 2>&1 )
        t1=$(now)
        times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
        cpus+=("$(echo "$cpu" | awk '{ printf "%.2f", $2 + $3 }')")
    done
    cpu_median=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "$(( (REPEAT + 1) / 2 ))p")
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    best=$(echo "$sorted" | head -1)
    median=$(echo "$sorted" | sed -n "$(( (REPEAT + 1) / 2 ))p")
    printf '%8d %9d %8d %8.2f %9.2f %12.3f %10.2f\n' "$n" $((n * 28)) $(( $(stat -c %s "$dump") / 1024 )) \
        "$best" "$median" "$(awk -v m="$median" -v n="$n" 'BEGIN { printf "%.3f", m * 1000 / n }')" "$cpu_median"
done
echo "$(uptime | sed 's/.*load/load/') (after)"
