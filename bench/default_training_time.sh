#!/usr/bin/env bash
# The default training (one click: cross-validation of the candidates, tuning, final model) on
# 200 labeled fragments of real footage, timed end to end with `fragmentlab-cli bench train`.
#   bench/default_training_time.sh [BUILD_DIR]
# Makes a project in a temporary folder from ../shared/media/vtest.avi and bikes.mp4, labels
# 800 frames (200 fragments of T = 4) in alternating 40-frame blocks of two classes, deletes the
# frame caches (--cold: the time includes decoding) and prints bench train's JSON.
set -euo pipefail
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
CLI="$ROOT/$BUILD/app/fragmentlab-cli"
MEDIA="$ROOT/../shared/media"
for f in vtest.avi bikes.mp4; do [[ -f "$MEDIA/$f" ]] || { echo "missing $MEDIA/$f" >&2; exit 77; }; done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
P="$WORK/project"
"$CLI" project create "$P" --classes a,b >/dev/null
"$CLI" project add "$P" "$MEDIA/vtest.avi" "$MEDIA/bikes.mp4" >/dev/null
{
  echo "video,start_frame,end_frame,label"
  for spec in vtest.avi:560 bikes.mp4:240; do
    name=${spec%%:*}; frames=${spec##*:}
    for ((s = 0, k = 0; s < frames; s += 40, k++)); do
      echo "$name,$s,$((s + 40)),$([[ $((k % 2)) == 0 ]] && echo a || echo b)"
    done
  done
} >"$WORK/labels.csv"
"$CLI" labels import "$P" "$WORK/labels.csv" >/dev/null
"$CLI" bench train "$P" --cold --device cpu --json
