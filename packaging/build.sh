#!/usr/bin/env bash
# PoolForge installers: jdeps finds the JDK modules, jlink builds a runtime holding only those plus
# JavaFX (so JavaFX is on the module path: no "Unsupported JavaFX configuration" warning), jpackage
# makes the app image and the installer. Run by `mvn -B -Ppackage package` (see packaging/README.md).
#
#   packaging/build.sh BUILD_DIR VERSION [app-image] [deb] [msi] [dmg]
#
# BUILD_DIR holds poolforge.jar and lib/ (mvn package). The JDK is $JAVA_HOME (needs jmods/, e.g. JDK 17).
# deb needs dpkg-deb and fakeroot; msi needs WiX (Windows); dmg needs macOS. Types not for this OS are refused
# by jpackage itself, so on Linux use app-image and deb.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?build dir}; VERSION=${2:?version}; shift 2
TYPES=${*:-app-image deb}
JH=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
case "$(uname -s)" in
  Linux) PLATFORM=linux ;; Darwin) PLATFORM=mac ;; *) PLATFORM=win ;;
esac
IN=$BUILD/jpackage/input
FX=$BUILD/jpackage/javafx
RUNTIME=$BUILD/jpackage/runtime
DIST=$BUILD/dist
rm -rf "$BUILD/jpackage" "$DIST"
mkdir -p "$IN/lib" "$FX" "$DIST"
cp "$BUILD/poolforge.jar" "$IN/"
# The class-data archive's maker and its class list (PF-13): the .deb's postinst runs it where the app is installed.
cp packaging/make-cds.sh packaging/classes.lst "$IN/"
for j in "$BUILD"/lib/*.jar; do
  case "$(basename "$j")" in
    javafx-*-"$PLATFORM"*.jar) cp "$j" "$FX/" ;;   # the real JavaFX modules: linked into the runtime
    javafx-*.jar) ;;                               # the empty platform-neutral JavaFX jars: not needed
    *) cp "$j" "$IN/lib/" ;;
  esac
done
# Signed jars (azure-core, azure-identity, the resource managers, ...) make the JVM hash every class it reads from
# them at start-up (SHA-256 of each entry against the manifest): ~10 % of a cold `poolforge run`'s CPU (PF-13,
# docs/BENCHMARKS.md), and a class-data archive leaves their classes out. `mvn package` already wrote target/lib
# without them (PF-21, io.poolforge.app.JarSignatures); this strips any signed jar that is still there.
"$JH/bin/java" -cp "$BUILD/classes" io.poolforge.app.JarSignatures "$IN/lib"

# 1. jdeps: the JDK modules the app and its libraries use. Some are used only through ServiceLoader or
#    reflection, which jdeps cannot see: TLS elliptic curves (jdk.crypto.ec), Spanish locale data
#    (jdk.localedata), charsets, sun.misc.Unsafe (jdk.unsupported), the JDK HTTP client's and server's modules.
FOUND=$("$JH/bin/jdeps" --print-module-deps --ignore-missing-deps --recursive --multi-release 17 -q \
  --module-path "$(ls "$FX"/*.jar | tr '\n' :)" --class-path "$(ls "$IN"/lib/*.jar | tr '\n' :)" "$IN/poolforge.jar")
EXTRA=jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.unsupported,jdk.httpserver,java.net.http,jdk.zipfs,jdk.management,javafx.controls
MODULES="$FOUND,$EXTRA"
echo "modules (jdeps: $FOUND; added: $EXTRA)"

# 2. jlink: that runtime, without debug symbols, headers or man pages, with the JDK's class-data archive
#    (--generate-cds-archive: the system JDK has one; a jlinked runtime has none unless asked, PF-13).
"$JH/bin/jlink" --module-path "$JH/jmods:$FX" --add-modules "$MODULES" \
  --include-locales=en,es --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive --output "$RUNTIME"

JAVA_OPTIONS=$(grep -v '^#' packaging/jvm-options | tr '\n' ' ')
COMMON=(--name PoolForge --app-version "$VERSION" --vendor "PoolForge" --copyright "Copyright PoolForge contributors"
        --description "Turns an Azure VM into a custom image and then into an Azure Batch pool.")
ICON=assets/icons/poolforge-256.png
[ "$PLATFORM" = win ] && ICON=packaging/windows/poolforge.ico
[ "$PLATFORM" = mac ] && ICON=packaging/macos/poolforge.icns

# 3. jpackage: the app image (the launcher bin/PoolForge with the JVM options above, the runtime, the jars).
"$JH/bin/jpackage" --type app-image "${COMMON[@]}" --dest "$DIST" --runtime-image "$RUNTIME" --input "$IN" \
  --main-jar poolforge.jar --main-class io.poolforge.app.Main --java-options "$JAVA_OPTIONS" --icon "$ICON"
IMAGE=$DIST/PoolForge
[ "$PLATFORM" = mac ] && IMAGE=$DIST/PoolForge.app

# 4. the installers, from that image.
for t in $TYPES; do
  case $t in
    app-image) ;;
    deb)
      "$JH/bin/jpackage" --type deb "${COMMON[@]}" --dest "$DIST" --app-image "$IMAGE" \
        --linux-package-name poolforge --linux-deb-maintainer "PoolForge <poolforge@example.invalid>" \
        --linux-menu-group "Development" --linux-app-category devel --linux-shortcut \
        --license-file LICENSE --icon "$ICON" --resource-dir packaging/linux ;;
    msi)
      # Windows (not built here): WiX 3 on PATH. The upgrade UUID must stay the same across versions.
      "$JH/bin/jpackage" --type msi "${COMMON[@]}" --dest "$DIST" --app-image "$IMAGE" \
        --win-upgrade-uuid 7d4c3b52-2f0e-4a8e-9b56-5f0f3c1e6a14 --win-menu --win-menu-group PoolForge \
        --win-shortcut --win-dir-chooser --license-file LICENSE --icon "$ICON" ;;
    dmg)
      # macOS (not built here). Signing: set MAC_SIGN_ID to a "Developer ID Application: ..." identity.
      "$JH/bin/jpackage" --type dmg "${COMMON[@]}" --dest "$DIST" --app-image "$IMAGE" \
        --mac-package-identifier io.poolforge.PoolForge --mac-package-name PoolForge \
        ${MAC_SIGN_ID:+--mac-sign --mac-signing-key-user-name "$MAC_SIGN_ID"} --license-file LICENSE --icon "$ICON" ;;
    *) echo "unknown type $t" >&2; exit 2 ;;
  esac
done
ls -la "$DIST"
