#!/bin/sh
# Dumps Skiff's AppCDS archive (lib/app/skiff.jsa) for the app installed in the directory given
# (default /opt/skiff), from the class list recorded at build time (lib/app/skiff.classlist).
# JDK 17 accepts an archive only at the class path it was dumped for, hence a dump at install
# time (deb postinst). Without an archive, or with a stale one, Skiff starts normally, only slower.
set -e
dir=${1:-/opt/skiff}
app="$dir/lib/app"
[ -f "$app/skiff.classlist" ] || exit 0
cp=$(sed -n 's/^app\.classpath=//p' "$app/Skiff.cfg" | sed "s|\\\$APPDIR|$app|" | paste -sd: -)
"$dir/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/skiff.classlist" \
  -XX:SharedArchiveFile="$app/skiff.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" >/dev/null 2>&1
