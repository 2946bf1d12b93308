#!/usr/bin/env bash
# Renders every icon Skiff ships from the master icons/skiff.svg:
#   icons/png/skiff-<N>.png for N in 16 24 32 48 64 128 256 512 1024 (Linux, desktop entry, jpackage)
#   icons/skiff.ico  (Windows: 16-256 in one file)     icons/skiff.icns (macOS, PNG entries)
#   src/main/resources/dev/skiff/app/icon-{16,32,64,256}.png (the window icon)
# Needs: rsvg-convert (Debian librsvg2-bin), convert (imagemagick), python3.
# The outputs are committed; run this again after editing the SVG.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" skiff.svg --output "png/skiff-$size.png"
done
convert png/skiff-16.png png/skiff-24.png png/skiff-32.png png/skiff-48.png png/skiff-64.png \
  png/skiff-128.png png/skiff-256.png skiff.ico
python3 make_icns.py skiff.icns png

resources=../src/main/resources/dev/skiff/app
for size in 16 32 64 256; do
  cp "png/skiff-$size.png" "$resources/icon-$size.png"
done
echo "icons: written $(ls png | wc -l) PNGs, skiff.ico, skiff.icns and the window icons"
