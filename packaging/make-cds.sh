#!/bin/sh
# Makes PoolForge's class-data archive (JDK 17 AppCDS, PF-13: a first screen in 1.3x a bare JavaFX window instead of
# 1.7x, the sandbox connected 1 s sooner) for this installation, and turns it on in the launcher's configuration.
# A JDK 17 archive holds only for the exact class path it was dumped with, so it is made where the app is installed
# (the .deb's postinst runs this), not when the installer is built. It reads the classes to archive from classes.lst
# (bench/run.sh classlist) beside it. Safe to run again. If the dump fails, the launcher stays without the archive:
# the app starts as before, only slower.
#
#   lib/app/make-cds.sh            make it (as the owner of the installation: root for /opt/poolforge)
#   lib/app/make-cds.sh --remove   delete it and turn it off (the .deb's prerm)
set -u
APPDIR=$(cd "$(dirname "$0")" && pwd -P)
ROOT=$(dirname "$(dirname "$APPDIR")")
CFG=$APPDIR/PoolForge.cfg
JSA=$APPDIR/poolforge.jsa
JAVA=$ROOT/lib/runtime/bin/java
off() { sed -i -e '/SharedArchiveFile=/d' -e '/Xshare:auto/d' "$CFG"; rm -f "$JSA"; }
[ -f "$CFG" ] && [ -x "$JAVA" ] || { echo "make-cds.sh: no PoolForge installation around $APPDIR" >&2; exit 2; }
off
[ "${1:-}" = --remove ] && exit 0
# The class path exactly as the launcher builds it: the cfg's app.classpath lines in order, $APPDIR expanded.
CP=$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s#\$APPDIR#$APPDIR#g" | paste -sd: -)
OPTS=$(sed -n 's/^java-options=//p' "$CFG" | grep -v -e '^-D' | tr '\n' ' ')
# shellcheck disable=SC2086
if "$JAVA" -Xshare:dump -XX:SharedClassListFile="$APPDIR/classes.lst" -XX:SharedArchiveFile="$JSA" $OPTS -cp "$CP" >/dev/null 2>&1 \
   && "$JAVA" -XX:SharedArchiveFile="$JSA" -Xshare:on $OPTS -cp "$CP" -version >/dev/null 2>&1; then
  # Written with a literal $APPDIR: the launcher expands it. -Xshare:auto: an archive that no longer matches is ignored.
  printf '%s\n' 'java-options=-XX:SharedArchiveFile=$APPDIR/poolforge.jsa' 'java-options=-Xshare:auto' >>"$CFG"
  echo "PoolForge: class-data archive made ($JSA, $(du -k "$JSA" | cut -f1) KiB)"
else
  rm -f "$JSA"
  echo "PoolForge: no class-data archive was made; the app starts without one" >&2
fi
exit 0
