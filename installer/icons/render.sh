#!/usr/bin/env bash
# Renders resources/icons/fragmentlab.svg into the PNG sizes desktops look for
# (hicolor theme). The PNGs are committed, so building needs no SVG renderer; run this again
# after changing the SVG (needs rsvg-convert: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")"
svg=../../resources/icons/fragmentlab.svg
for size in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "hicolor/${size}x${size}/apps"
  rsvg-convert -w "$size" -h "$size" "$svg" -o "hicolor/${size}x${size}/apps/fragmentlab.png"
done
