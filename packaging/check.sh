#!/usr/bin/env bash
# Checks what packaging/build.sh made (run by `mvn -B -Ppackage package` after it): the .deb's control data
# and contents, the packaged launcher (--version, sandbox --help), a desktop start without the JavaFX
# configuration warning (when xvfb-run exists), and prints package/installed sizes and the biggest parts.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:?build dir}; VERSION=${2:?version}
DIST=$BUILD/dist
IMAGE=$DIST/PoolForge
fail() { echo "PACKAGE CHECK FAILED: $*" >&2; exit 1; }
DEB=$(ls "$DIST"/poolforge_"$VERSION"*.deb 2>/dev/null | head -1)
[ -n "$DEB" ] || fail "no .deb in $DIST"
INFO=$(dpkg-deb --info "$DEB")
echo "$INFO"
for f in "Package: poolforge" "Version: $VERSION" "Section: devel" "Maintainer:" "Installed-Size:"; do
  grep -q "$f" <<<"$INFO" || fail ".deb control lacks '$f'"
done
CONTENTS=$(dpkg-deb --contents "$DEB")
for f in ./opt/poolforge/bin/PoolForge ./opt/poolforge/lib/PoolForge.png ./opt/poolforge/lib/poolforge-PoolForge.desktop \
         ./opt/poolforge/lib/app/poolforge.jar ./opt/poolforge/lib/runtime/lib/modules ./opt/poolforge/share/doc/copyright \
         ./opt/poolforge/lib/app/make-cds.sh ./opt/poolforge/lib/app/classes.lst; do
  grep -q " $f\$" <<<"$CONTENTS" || fail ".deb lacks $f"
done
# The desktop entry the package installs (its postinst registers it with xdg-desktop-menu).
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
dpkg-deb -x "$DEB" "$TMP/root"
DESKTOP=$TMP/root/opt/poolforge/lib/poolforge-PoolForge.desktop
grep -q '^Exec=/opt/poolforge/bin/PoolForge' "$DESKTOP" || fail "desktop entry runs no launcher"
grep -q '^Icon=/opt/poolforge/lib/PoolForge.png' "$DESKTOP" || fail "desktop entry has no icon"
cat "$DESKTOP"
# The JVM options PF-13 chose are the launcher's.
CFG=$TMP/root/opt/poolforge/lib/app/PoolForge.cfg
grep -q 'UseSerialGC' "$CFG" || fail "launcher lacks the chosen JVM options"
grep -q 'TieredStopAtLevel=1' "$CFG" || fail "launcher lacks the chosen JVM options"
# The JavaFX modules are in the runtime (named modules), not jars on the class path.
"$TMP/root/opt/poolforge/lib/runtime/bin/java" --list-modules | grep -q '^javafx.controls' || fail "runtime has no javafx.controls"
ls "$TMP/root/opt/poolforge/lib/app/" | grep -q '^javafx' && fail "JavaFX jars on the class path"

# The packaged launcher, from the unpacked package, in a scratch home.
export JAVA_TOOL_OPTIONS="-Duser.home=$TMP/home -Dpoolforge.home=$TMP/home/.poolforge"
V=$("$TMP/root/opt/poolforge/bin/PoolForge" --version 2>/dev/null)
echo "launcher --version: $V"
grep -q "PoolForge $VERSION" <<<"$V" || fail "--version printed '$V'"
H=$("$TMP/root/opt/poolforge/bin/PoolForge" sandbox --help 2>/dev/null)
grep -qi "sandbox" <<<"$H" || fail "sandbox --help printed nothing useful"
echo "launcher sandbox --help: $(head -1 <<<"$H")"
if command -v xvfb-run >/dev/null; then
  # The desktop for a few seconds: it must not print JavaFX's class-path warning.
  timeout 12 xvfb-run -a -s "-screen 0 1400x900x24" "$TMP/root/opt/poolforge/bin/PoolForge" >"$TMP/desktop.log" 2>&1 || true
  grep -q "Unsupported JavaFX configuration" "$TMP/desktop.log" && fail "desktop start printed the JavaFX configuration warning"
  grep -q "Exception" "$TMP/desktop.log" && { cat "$TMP/desktop.log"; fail "desktop start threw"; }
  echo "desktop start: no JavaFX configuration warning"
fi
# The class-data archive (PF-13): the postinst makes it; made here in the unpacked tree, the launcher must map it
# (-Xshare:on fails the start if the class path the launcher builds differs from the one it was dumped with).
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./postinst | grep -q 'make-cds.sh' || fail "postinst does not make the class-data archive"
dpkg-deb --ctrl-tarfile "$DEB" | tar -xO ./prerm | grep -q 'make-cds.sh --remove' || fail "prerm does not remove the class-data archive"
"$TMP/root/opt/poolforge/lib/app/make-cds.sh" || fail "make-cds.sh failed"
grep -q 'SharedArchiveFile=$APPDIR/poolforge.jsa' "$CFG" || fail "make-cds.sh did not turn the archive on"
V=$(JAVA_TOOL_OPTIONS="$JAVA_TOOL_OPTIONS -Xshare:on" "$TMP/root/opt/poolforge/bin/PoolForge" --version 2>&1) || fail "launcher with -Xshare:on: $V"
grep -q "PoolForge $VERSION" <<<"$V" || fail "launcher with -Xshare:on printed '$V'"
echo "class-data archive: $(du -h "$TMP/root/opt/poolforge/lib/app/poolforge.jsa" | cut -f1), mapped by the launcher (-Xshare:on)"
"$TMP/root/opt/poolforge/lib/app/make-cds.sh" --remove
grep -q 'SharedArchiveFile' "$CFG" && fail "make-cds.sh --remove left the archive on"
[ -e "$TMP/root/opt/poolforge/lib/app/poolforge.jsa" ] && fail "make-cds.sh --remove left the archive"
unset JAVA_TOOL_OPTIONS
echo "== sizes"
echo ".deb: $(du -h "$DEB" | cut -f1) ($(stat -c %s "$DEB") bytes); installed: $(dpkg-deb --field "$DEB" Installed-Size) KiB"
echo "biggest parts of the installed app:"
du -k -d 3 "$TMP/root/opt/poolforge" | sort -rn | head -8 | sed "s|$TMP/root||"
echo "biggest jars:"
ls -S -s -k "$TMP/root/opt/poolforge/lib/app/lib" | head -8
echo "PACKAGE CHECK PASSED"
