#!/usr/bin/env bash
# Start-up time to the first frame of the main window, median of N runs (default 5) of each:
#   jar         java -jar target/skiff.jar (class path, the system JDK: the `mvn javafx:run` way)
#   image       the jpackage app image without its AppCDS archive (jlinked runtime, base CDS only)
#   image+cds   the jpackage app image as built (AppCDS archive of the start-up classes)
# Each run is a new JVM that exits one second after its first frame (-Dskiff.exitAfterFirstFrame);
# time is measured from just before the process starts to the first frame (the app prints the
# wall-clock time of its first pulse after the window is shown: -Dskiff.startupProbe). Runs are
# interleaved so that background load hits every variant alike. Disk caches stay warm (dropping
# them needs root and a writable /proc/sys/vm/drop_caches; done when possible, see DROP_CACHES).
# Needs: `mvn -Ppackage -DskipTests package` (or -Dpackage.types=app-image) first; Xvfb when no DISPLAY.
# Usage: packaging/measure-startup.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-5}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

image=target/jpackage/image/Skiff
[ -x "$image/bin/Skiff" ] && [ -f target/skiff.jar ] || { echo "build first: mvn -Ppackage -DskipTests package" >&2; exit 1; }
[ -f "$image/lib/app/skiff.jsa" ] || { echo "the app image has no AppCDS archive" >&2; exit 1; }
nocds=target/jpackage/measure/Skiff
rm -rf target/jpackage/measure && mkdir -p target/jpackage/measure
cp -a "$image" target/jpackage/measure/
sed -i '/SharedArchiveFile/d' "$nocds/lib/app/Skiff.cfg"
rm -f "$nocds/lib/app/skiff.jsa"

probe="-Dskiff.startupProbe=true -Dskiff.exitAfterFirstFrame=true"
# prints milliseconds from process start to first frame
one() {
  local log start frame
  log=$(mktemp)
  if [ "${DROP_CACHES:-0}" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then sync; echo 3 >/proc/sys/vm/drop_caches; fi
  start=$(date +%s%3N)
  case $1 in
    jar) java $probe -jar target/skiff.jar >"$log" 2>&1 ;;
    image) JAVA_TOOL_OPTIONS=$probe "$nocds/bin/Skiff" >"$log" 2>&1 ;;
    image+cds) JAVA_TOOL_OPTIONS=$probe "$image/bin/Skiff" >"$log" 2>&1 ;;
  esac
  frame=$(sed -n 's/.*first frame .* epoch \([0-9]*\).*/\1/p' "$log")
  rm -f "$log"
  [ -n "$frame" ] || { echo "no first frame from $1" >&2; exit 1; }
  echo $((frame - start))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

declare -A times
variants=(jar image image+cds)
one jar >/dev/null # warm the disk cache once for every variant alike
one image >/dev/null
one image+cds >/dev/null
for i in $(seq 1 "$runs"); do
  for v in "${variants[@]}"; do
    times[$v]="${times[$v]:-} $(one "$v")"
  done
done
echo "start-up to first frame, median of $runs (ms; all runs in brackets), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg):"
for v in "${variants[@]}"; do
  # shellcheck disable=SC2086
  printf '  %-10s %6s   [%s ]\n' "$v" "$(printf '%s\n' ${times[$v]} | median)" "${times[$v]}"
done
