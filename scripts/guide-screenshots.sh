#!/usr/bin/env bash
# Regenerates the screenshots of docs/USER_GUIDE.md from the real app, off screen:
# a copy of the demo project, a model trained and predictions made with fragmentlab-cli, then
# `fragmentlab --screenshot --panel NAME` for each view (each view on its own copy, since the
# training view trains once more). PNGs are quantised with pngquant when it is installed.
#
#   scripts/guide-screenshots.sh [BUILD_DIR]     (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
OUT=docs/images
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen

cp -r resources/demo "$WORK/demo"
# Two models for the Models list: an R(2+1)D, then the default training, which stays active.
"$BUILD/app/fragmentlab-cli" train "$WORK/demo" --arch r2plus1d --epochs 10 --seed 1 >/dev/null 2>&1
"$BUILD/app/fragmentlab-cli" train "$WORK/demo" --seed 1 >/dev/null 2>&1
"$BUILD/app/fragmentlab-cli" predict "$WORK/demo" >/dev/null

for panel in labeling training models predictions check inspector embedding scenes; do
  cp -r "$WORK/demo" "$WORK/$panel"
  "$BUILD/app/fragmentlab" --screenshot "$OUT/guide-$panel.png" --size 1400x900 --theme light --panel "$panel" "$WORK/$panel" \
    2> >(grep -v 'propagateSizeHints\|XDG_RUNTIME_DIR' >&2)
done

if command -v pngquant >/dev/null; then
  for f in "$OUT"/guide-*.png; do
    pngquant --force --speed 1 --output "$f" 128 -- "$f" || true
  done
fi
ls -l "$OUT"/guide-*.png
