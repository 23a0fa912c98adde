#!/usr/bin/env bash
# Runs PoolForge's benchmarks (docs/BENCHMARKS.md). Not part of `mvn verify`.
#
#   bench/run.sh [startup|flow|flow-large|vmlist|sandbox|all|cds|aot] [runs]
#   (cds: JDK 17 AppCDS archive vs none; aot: JAVA=<jdk25>/bin/java, JDK 25 AOT cache vs none)
#
# Each measurement runs in a fresh JVM (`runs` times, default 5); every line the benchmarks print
# starts with "BENCH" and is appended to $OUT (default target-bench/bench-results.txt), then
# bench/summarize.py prints median, min and max of every figure. JVM flags to try go in JAVA_OPTS
# (applied to every JVM, the bare window's too), APP_OPTS to PoolForge's JVMs only; VARIANTS (see below) compares
# several flag sets in one alternating start-up loop; JAVA (default: java on PATH) picks the JDK. NOBUILD=1 skips the build. The UI benchmarks need a
# display: without DISPLAY the script re-runs itself under xvfb-run (apt-get install xvfb xauth).
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=${1:-all}
RUNS=${2:-5}
BUILD=${PF_BENCH_BUILD:-$PWD/target-bench}
OUT=${OUT:-$BUILD/bench-results.txt}
JAVA_OPTS=${JAVA_OPTS:-}
JAVA=${JAVA:-java}
APP_OPTS=${APP_OPTS:-}   # flags for PoolForge's JVMs only (e.g. its AppCDS archive), not the bare window

if [ -z "${DISPLAY:-}" ] && [ "$WHAT" != vmlist ] && [ "$WHAT" != sandbox ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
if [ -z "${NOBUILD:-}" ]; then
  mvn -B -q -o -Dpf.buildDir="$BUILD" package -DskipTests
fi
mkdir -p "$(dirname "$OUT")"
# Class-data archives hold classes from jars only: the benchmarks go in a jar of their own.
(cd "$BUILD/test-classes" && jar cf "$BUILD/bench.jar" io/poolforge/bench io/poolforge/app 2>/dev/null || jar cf "$BUILD/bench.jar" io/poolforge/bench)
# The app as `java -jar` runs it (the jar's manifest puts lib/*.jar on the class path) plus the benchmarks;
# the bare window gets JavaFX only.
APP_CP="$BUILD/poolforge.jar:$BUILD/bench.jar"
FX_CP="$(ls "$BUILD"/lib/javafx-*.jar | tr '\n' ':')$BUILD/bench.jar"
LABEL=${LABEL:-default}
# VARIANTS='name=flags;name2=flags2': start-up runs every variant of the app after each bare window (one loop).
VARIANTS=${VARIANTS:-}

run() { # name, then the java command's arguments
  local name=$1; shift
  # shellcheck disable=SC2086
  "$JAVA" $JAVA_OPTS "$@" 2>>"$BUILD/bench-stderr.txt" | grep '^BENCH' | sed "s/^BENCH \([^ ]*\)/BENCH \1 label=$LABEL load=$(cut -d" " -f1 /proc/loadavg)/" | tee -a "$OUT" || echo "# $name failed (see $BUILD/bench-stderr.txt)" | tee -a "$OUT"
}

# The launcher's JVM options (packaging/jvm-options, PF-13's choice) for the class-data runs.
DESK=$(grep -v '^#' packaging/jvm-options | tr '\n' ' ')
case $WHAT in
  cds) # JDK 17 AppCDS: a dynamic archive from one start-up run, then launcher flags without and with it, one loop
    "$JAVA" -XX:ArchiveClassesAtExit="$BUILD/app-cds.jsa" $DESK -cp "$APP_CP" io.poolforge.bench.AppBenchmark startup >/dev/null 2>&1 || true
    VARIANTS="launcher=$DESK;launcher+cds=$DESK -XX:SharedArchiveFile=$BUILD/app-cds.jsa"; WHAT=startup ;;
  aot) # JDK 25 AOT cache (JEP 483/514): JAVA must be a JDK 25; training run, then without and with the cache
    "$JAVA" -XX:AOTCacheOutput="$BUILD/app.aot" $DESK -cp "$APP_CP" io.poolforge.bench.AppBenchmark startup >/dev/null 2>&1 || true
    VARIANTS="jdk25-launcher=$DESK;jdk25-launcher+aot=$DESK -XX:AOTCache=$BUILD/app.aot"; WHAT=startup ;;
esac
echo "# $(date -Iseconds) $WHAT runs=$RUNS label=$LABEL JAVA_OPTS='$JAVA_OPTS' APP_OPTS='$APP_OPTS' load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for i in $(seq "$RUNS"); do
  case $WHAT in startup|all)
    run bare-window -cp "$FX_CP" io.poolforge.bench.BareWindowBenchmark
    if [ -n "$VARIANTS" ]; then
      # Several app variants in one loop, each paired with the bare window measured just before them.
      IFS=';' read -ra vs <<<"$VARIANTS"
      for v in "${vs[@]}"; do
        # shellcheck disable=SC2086
        LABEL="${v%%=*}" run app ${v#*=} $APP_OPTS -cp "$APP_CP" io.poolforge.bench.AppBenchmark startup
      done
    else
      run app $APP_OPTS -cp "$APP_CP" io.poolforge.bench.AppBenchmark startup
    fi ;;
  esac
  case $WHAT in flow|all) run app $APP_OPTS -cp "$APP_CP" io.poolforge.bench.AppBenchmark flow demo ;; esac
  case $WHAT in flow-large|all) run app $APP_OPTS -cp "$APP_CP" io.poolforge.bench.AppBenchmark flow large ;; esac
  case $WHAT in vmlist|all) run vm-list -cp "$APP_CP" io.poolforge.bench.VmListBenchmark 5 ;; esac
  case $WHAT in sandbox|all) run sandbox-run -cp "$APP_CP" io.poolforge.bench.SandboxRunBenchmark docs/examples/vm-render-ubuntu2204-gallery.json 5 ;; esac
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
python3 bench/summarize.py "$OUT"
