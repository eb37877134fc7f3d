#!/usr/bin/env bash
# Training throughput: FragmentLab vs the PyTorch reference (same model, data, threads).
#   bench/train_bench.sh [EPOCHS] [BUILD_DIR]
# Makes a project in a temporary folder from ../shared/media/testvideo.mp4 and vtest.avi,
# labeled in alternating 60-frame blocks of two classes (~380 labeled fragments; the labels
# only give the loop work, they mean nothing), then runs:
#   1. fragmentlab-cli bench train --cold   (frame caches built first: one decode per video)
#   2. train_reference.py --mode cache      (Python, reading FragmentLab's frame caches)
#   3. train_reference.py --mode decode     (Python, decoding the videos every epoch)
# Needs: python3-torch python3-opencv (Debian).
set -euo pipefail
EPOCHS=${1:-5}
BUILD=${2:-build}
# FragmentLab runs OpenMP with the passive wait policy; give the reference the same.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}
PY=${PYTHON:-/usr/bin/python3}   # Debian's python3 (python3-torch), not a pyenv one
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
CLI="$ROOT/$BUILD/app/fragmentlab-cli"
MEDIA="$ROOT/../shared/media"
for f in testvideo.mp4 vtest.avi; do [[ -f "$MEDIA/$f" ]] || { echo "missing $MEDIA/$f" >&2; exit 1; }; done
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
P="$WORK/project"
"$CLI" project create "$P" --classes a,b >/dev/null
"$CLI" project add "$P" "$MEDIA/testvideo.mp4" "$MEDIA/vtest.avi" >/dev/null
{
  echo "video,start_frame,end_frame,label"
  for spec in testvideo.mp4:720 vtest.avi:795; do
    name=${spec%%:*}; frames=${spec##*:}
    for ((s = 0, k = 0; s < frames; s += 60, k++)); do
      e=$((s + 60 < frames ? s + 60 : frames)); echo "$name,$s,$e,$([[ $((k % 2)) == 0 ]] && echo a || echo b)"
    done
  done
} >"$WORK/labels.csv"
"$CLI" labels import "$P" "$WORK/labels.csv" >/dev/null
echo "== fragmentlab-cli bench train --cold --epochs $EPOCHS" >&2
"$CLI" bench train "$P" --arch fragnet --cold --epochs "$EPOCHS" --device cpu --export-split "$WORK/split.json" --json >"$WORK/fl.json"
echo "== train_reference.py --mode cache" >&2
"$PY" "$HERE/train_reference.py" "$WORK/split.json" --epochs "$EPOCHS" --mode cache >"$WORK/py_cache.json"
echo "== train_reference.py --mode decode" >&2
"$PY" "$HERE/train_reference.py" "$WORK/split.json" --epochs "$EPOCHS" --mode decode >"$WORK/py_decode.json"
"$PY" - "$WORK/fl.json" "$WORK/py_cache.json" "$WORK/py_decode.json" <<'PY'
import json, sys
fl, pc, pd = (json.load(open(f)) for f in sys.argv[1:4])
print(json.dumps({
    "fragmentlab": fl, "python_cache": pc, "python_decode": pd,
    "epoch_time_ratio_fragmentlab_over_python": fl["epoch_seconds"] / pc["epoch_seconds"],
    "epoch_cpu_ratio_fragmentlab_over_python": fl["epoch_cpu_seconds"] / pc["epoch_cpu_seconds"],
    "end_to_end_ratio_python_decode_over_fragmentlab": pd["total_seconds"] / fl["total_seconds"],
    "end_to_end_cpu_ratio_python_decode_over_fragmentlab": pd["total_cpu_seconds"] / fl["total_cpu_seconds"],
}, indent=2))
PY
