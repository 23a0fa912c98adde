#!/usr/bin/env bash
# Runs PoolForge's benchmarks (docs/BENCHMARKS.md). Not part of `mvn verify`.
#
#   bench/run.sh [startup|cli|flow|flow-large|vmlist|sandbox|all|cds|aot|classlist|readme] [runs]
#   (all: every benchmark with the launcher's flags and the class-data archive, as installed; NOCDS=1: without them;
#   then, in the same loop, the README path's first and second start, see readme)
#   (readme: the README's command target/poolforge (one JVM, PF-21 fifth pass), and `java -jar poolforge.jar`, the desktop relaunched by Main's own code: a first start
#   in a fresh PoolForge folder, the class-data archive it makes afterwards, and a second start that maps it)
#   (cli: cold `poolforge run --sandbox` of the demo plan, whole process; cds: JDK 17 AppCDS archive vs none, start-up
#   and cli; aot: JAVA=<jdk25>/bin/java, JDK 25 AOT cache vs none; classlist: regenerate packaging/classes.lst)
#
# Each measurement runs in a fresh JVM (`runs` times, default 5); every line the benchmarks print
# starts with "BENCH" and is appended to $OUT (default target-bench/bench-results.txt), then
# bench/summarize.py prints median, min and max of every figure. JVM flags to try go in JAVA_OPTS
# (applied to every JVM, the bare window's too), APP_OPTS to PoolForge's JVMs only; VARIANTS (see below) compares
# several flag sets in one alternating start-up loop; CDS=1 runs PoolForge with its class-data archive; JAVA (default: java on PATH) picks the JDK. NOBUILD=1 skips the build. The UI benchmarks need a
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

if [ -z "${DISPLAY:-}" ] && [ "$WHAT" != vmlist ] && [ "$WHAT" != sandbox ] && [ "$WHAT" != cli ]; then
  exec xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$@"
fi
if [ -z "${NOBUILD:-}" ]; then
  mvn -B -q -o -Dpf.buildDir="$BUILD" package -DskipTests
fi
mkdir -p "$(dirname "$OUT")"
# Class-data archives hold classes from jars only: the benchmarks go in a jar of their own.
# Rebuilt only with the build: a class-data archive refuses a jar whose time stamp changed since it was dumped.
[ -n "${NOBUILD:-}" ] && [ -f "$BUILD/bench.jar" ] || (cd "$BUILD/test-classes" && jar cf "$BUILD/bench.jar" io/poolforge/bench io/poolforge/app 2>/dev/null || jar cf "$BUILD/bench.jar" io/poolforge/bench)
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

# The app as the installer lays it out (packaging/build.sh): poolforge.jar and lib/ with the jar signatures removed.
# Class-data archives skip signed jars, so the class-data modes run on this copy (both variants of a loop).
stage_unsigned() {
  local d=$BUILD/unsigned
  if [ ! -f "$d/poolforge.jar" ] || [ "$BUILD/poolforge.jar" -nt "$d/poolforge.jar" ]; then
    rm -rf "$d"; mkdir -p "$d/lib"; cp -p "$BUILD/poolforge.jar" "$d/"; cp -p "$BUILD"/lib/*.jar "$d/lib/"
    for j in "$d"/lib/*.jar; do zip -q -d "$j" 'META-INF/*.SF' 'META-INF/*.RSA' 'META-INF/*.EC' 'META-INF/*.DSA' >/dev/null 2>&1 || true; done
  fi
  APP_CP="$d/poolforge.jar:$BUILD/bench.jar"
}
# JDK 17 AppCDS as the installed app makes it (packaging/make-cds.sh): a static archive of the classes named in the
# committed list packaging/classes.lst, dumped for this exact class path. (JDK 17.0.15's dynamic archive,
# -XX:ArchiveClassesAtExit, crashes in adjust_lambda_proxy_class_dictionary with this class path.)
dump_cds() {
  "$JAVA" -Xshare:dump -XX:SharedClassListFile=packaging/classes.lst -XX:SharedArchiveFile="$BUILD/app-cds.jsa" $DESK -cp "$APP_CP" \
    >"$BUILD/cds-dump.log" 2>&1 || { echo "# CDS dump failed, see $BUILD/cds-dump.log" | tee -a "$OUT"; }
}
# all: every benchmark, PoolForge as the installed .deb runs it (launcher flags, class-data archive), then the targets table.
if [ "$WHAT" = all ] && [ -z "${NOCDS:-}" ]; then CDS=1; APP_OPTS="$DESK $APP_OPTS"; fi
# CDS=1: every PoolForge JVM of the chosen mode runs as the installed app does, on the unsigned jars with the archive.
if [ -n "${CDS:-}" ]; then
  stage_unsigned; dump_cds; APP_OPTS="$APP_OPTS -XX:SharedArchiveFile=$BUILD/app-cds.jsa -Xshare:auto"; LABEL=${LABEL/#default/cds}
fi
case $WHAT in
  cds) # launcher flags without and with the archive, one loop (start-up, then the cold command-line run)
    stage_unsigned; dump_cds
    VARIANTS="launcher=$DESK;launcher+cds=$DESK -XX:SharedArchiveFile=$BUILD/app-cds.jsa -Xshare:auto"; WHAT=startup+cli ;;
  aot) # JDK 25 AOT cache (JEP 483/514): JAVA must be a JDK 25; training run, then without and with the cache
    stage_unsigned
    "$JAVA" -XX:AOTCacheOutput="$BUILD/app.aot" $DESK -cp "$APP_CP" io.poolforge.bench.AppBenchmark flow demo >/dev/null 2>&1 || true
    VARIANTS="jdk25-launcher=$DESK;jdk25-launcher+aot=$DESK -XX:AOTCache=$BUILD/app.aot"; WHAT=startup+cli ;;
  classlist) # writes packaging/classes.lst: the classes of the desktop's demo flow and of a command-line sandbox run
    stage_unsigned
    "$JAVA" -XX:DumpLoadedClassList="$BUILD/cl-flow.lst" $DESK -cp "$APP_CP" io.poolforge.bench.AppBenchmark flow demo | grep '^BENCH' | cut -c1-120
    "$JAVA" -XX:DumpLoadedClassList="$BUILD/cl-run.lst" $DESK -Dpoolforge.home="$BUILD/cl-home" -Duser.home="$BUILD/cl-home" \
      -cp "$APP_CP" io.poolforge.app.Main run --sandbox --yes docs/examples/vm-render-ubuntu2204-gallery.json >/dev/null 2>&1 || true
    # Named classes and the lambda proxies of their call sites (@lambda-proxy; JDK 17's static dump archives them, PF-21
    # fourth pass: ~1,300 of the first screen's lambdas then come from the archive instead of being spun on the FX
    # thread); no benchmark classes or their lambdas (not in the installed app), no classes of other class loaders
    # (lines with "source:"). (JDK 17.0.15's *dynamic* archive is the one that crashes on lambdas, see above.)
    { echo "# PoolForge's class list for its class-data archive (packaging/make-cds.sh). Made by: bench/run.sh classlist"
      cat "$BUILD/cl-flow.lst" "$BUILD/cl-run.lst" | grep -v -e '^#' -e 'source:' -e '^io/poolforge/bench/' -e '^@lambda-proxy io/poolforge/bench/' \
        | awk '!seen[$0]++'
    } >packaging/classes.lst
    wc -l packaging/classes.lst; exit 0 ;;
esac
# One cold `poolforge run` of the demo plan in the sandbox, as the whole process: wall and CPU time, peak RSS.
cli_run() { # label, then JVM flags
  local label=$1; shift; local home; home=$(mktemp -d)
  # shellcheck disable=SC2086
  /usr/bin/time -f "%e %U %S %M" -o "$BUILD/time.txt" "$JAVA" $JAVA_OPTS "$@" -Dpoolforge.home="$home" -Duser.home="$home" \
    -cp "$APP_CP" io.poolforge.app.Main run --sandbox --yes docs/examples/vm-render-ubuntu2204-gallery.json >"$BUILD/cli-out.txt" 2>&1
  local code=$?
  read -r wall user sys rss <"$BUILD/time.txt"
  awk -v l="$label" -v load="$(cut -d" " -f1 /proc/loadavg)" -v c="$code" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "BENCH cli-run label=%s load=%s exit=%d wallMs=%.0f cpuMs=%.0f peakRssMb=%.1f\n", l, load, c, w*1000, (u+s)*1000, r/1024 }' | tee -a "$OUT"
  rm -rf "$home"
}
# The README path (PF-21): `java -jar poolforge.jar` with no JVM options, on the build's own (signed) jars; the first JVM
# relaunches the desktop (DesktopRelaunch, as Main). A fresh PoolForge folder each time: first start, wait for the
# class-data archive made after it, second start.
readme_pair() {
  local home=$BUILD/readme-home cp="$BUILD/poolforge.jar:$BUILD/bench.jar"
  rm -rf "$home"
  # The archive `mvn package` makes in target/cds (pom.xml), made the same way for this class path (the benchmarks' jar
  # is on it, so the build's own archive has another key). READMEBUILD=0: none, the first start as before PF-21's fourth
  # pass (no archive at all; the user's own is made after it).
  rm -f "$BUILD"/cds/poolforge-*.jsa
  if [ "${READMEBUILD:-1}" != 0 ]; then
    "$JAVA" -Dpoolforge.archiveFolder="$BUILD/cds" -Dpoolforge.home="$BUILD/readme-build-home" -cp "$cp" io.poolforge.app.DesktopRelaunch >/dev/null 2>&1 \
      || echo "# README path: the build's archive was not made (see $BUILD/cds/dump.log)" | tee -a "$OUT"
  fi
  # Each start paired with a bare window measured just before it (the archive is made in between).
  LABEL=readme-first run bare-window -cp "$FX_CP" io.poolforge.bench.BareWindowBenchmark
  LABEL=readme-first run readme -Dpoolforge.home="$home" -cp "$cp" io.poolforge.bench.ReadmePathBenchmark startup
  local t0=$SECONDS
  for _ in $(seq 300); do
    compgen -G "$home/cache/cds/poolforge-*.jsa" >/dev/null || compgen -G "$BUILD/cds/poolforge-*.jsa" >/dev/null && break; sleep 1
  done
  if compgen -G "$BUILD/cds/poolforge-*.jsa" >/dev/null; then
    echo "# README path: both starts map the build's archive (target/cds)" | tee -a "$OUT"
  elif compgen -G "$home/cache/cds/poolforge-*.jsa" >/dev/null; then
    echo "# README path: archive made $((SECONDS - t0)) s after the first start closed (load $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$OUT"
  else
    echo "# README path: no archive after 300 s (see $home/cache/cds/make.log)" | tee -a "$OUT"
  fi
  LABEL=readme-second run bare-window -cp "$FX_CP" io.poolforge.bench.BareWindowBenchmark
  LABEL=readme-second run readme -Dpoolforge.home="$home" -cp "$cp" io.poolforge.bench.ReadmePathBenchmark startup
  # The README's command since PF-21's fifth pass, target/poolforge: one JVM from the argument file `mvn package` writes
  # (io.poolforge.app.LauncherScript), here written the same way for this class path with the benchmark as main class,
  # after the build's archive above. Timed from its JVM's start, as the bare window and the installed app (one JVM
  # each); the shell in front of it adds ~2 ms (no -Dpoolforge.home in the script: the same exec, with it).
  "$JAVA" -cp "$cp" io.poolforge.app.LauncherScript "$BUILD/bench-launcher" io.poolforge.bench.AppBenchmark >/dev/null
  LABEL=readme-script run bare-window -cp "$FX_CP" io.poolforge.bench.BareWindowBenchmark
  rm -rf "$home"
  sh -c 'exec "$0" -Dpoolforge.home="$1" @"$2" startup demo' "$JAVA" "$home" "$BUILD/bench-launcher/poolforge.args" \
    2>>"$BUILD/bench-stderr.txt" | grep '^BENCH' \
    | sed "s/^BENCH \([^ ]*\)/BENCH \1 label=readme-script load=$(cut -d" " -f1 /proc/loadavg)/" | tee -a "$OUT" \
    || echo "# readme-script failed (see $BUILD/bench-stderr.txt)" | tee -a "$OUT"
}
echo "# $(date -Iseconds) $WHAT runs=$RUNS label=$LABEL JAVA_OPTS='$JAVA_OPTS' APP_OPTS='$APP_OPTS' load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
for i in $(seq "$RUNS"); do
  case $WHAT in startup|startup+cli|all)
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
  case $WHAT in readme|all) readme_pair ;; esac
  case $WHAT in cli|startup+cli|all)
    if [ -n "$VARIANTS" ]; then
      IFS=';' read -ra vs <<<"$VARIANTS"
      # shellcheck disable=SC2086
      for v in "${vs[@]}"; do cli_run "${v%%=*}" ${v#*=} $APP_OPTS; done
    else
      # shellcheck disable=SC2086
      cli_run "$LABEL" $APP_OPTS
    fi ;;
  esac
  case $WHAT in flow|all) run app $APP_OPTS -cp "$APP_CP" io.poolforge.bench.AppBenchmark flow demo ;; esac
  case $WHAT in flow-large|all) run app $APP_OPTS -cp "$APP_CP" io.poolforge.bench.AppBenchmark flow large ;; esac
  case $WHAT in vmlist|all) run vm-list $APP_OPTS -cp "$APP_CP" io.poolforge.bench.VmListBenchmark 5 ;; esac
  case $WHAT in sandbox|all) run sandbox-run $APP_OPTS -cp "$APP_CP" io.poolforge.bench.SandboxRunBenchmark docs/examples/vm-render-ubuntu2204-gallery.json 5 ;; esac
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT"
python3 bench/summarize.py "$OUT"
