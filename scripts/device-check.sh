#!/usr/bin/env bash
# The check for the lent GPU machine (no Qt, no OpenCV there): builds the ML-only target against
# the CUDA LibTorch of python3's PyTorch and prints one Markdown table for docs/PERFORMANCE.md:
# the default model family (two-stream statistics, and with CNNs) at 64 and 112 px — CPU vs CUDA
# agreement (max abs logit difference, float32 and mixed precision), training samples/s and
# inference fragments/s on the GPU (mixed precision) next to the CPU. About 3-5 minutes.
#   scripts/device-check.sh [BUILD_DIR]          (default build-device)
# Environment: TORCH_PREFIX (a LibTorch's CMake prefix; default: python3's torch, else the system's),
# SECONDS_PER_RATE (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-device}
PREFIX=${TORCH_PREFIX:-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null || true)}
args=(-DCMAKE_BUILD_TYPE=Release -DFRAGMENTLAB_ML_ONLY=ON)
[[ -n "$PREFIX" ]] && args+=("-DCMAKE_PREFIX_PATH=$PREFIX")
[[ -x /usr/local/cuda/bin/nvcc ]] && args+=(-DCMAKE_CUDA_COMPILER=/usr/local/cuda/bin/nvcc)
command -v ninja >/dev/null && args+=(-G Ninja)
echo "device-check: LibTorch from ${PREFIX:-the system}" >&2
cmake -S . -B "$BUILD" "${args[@]}" >"$BUILD.cmake.log" 2>&1 || { tail -n 30 "$BUILD.cmake.log" >&2; exit 1; }
grep -E 'FragmentLab: CUDA path' "$BUILD.cmake.log" >&2 || true
cmake --build "$BUILD" --target fragmentlab-mlcheck -j "$(nproc)" >"$BUILD.build.log" 2>&1 || { tail -n 30 "$BUILD.build.log" >&2; exit 1; }
if command -v nvidia-smi >/dev/null; then
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader >&2 || true
fi
date -u '+date: %Y-%m-%d %H:%M UTC'
"$BUILD/core/ml/fragmentlab-mlcheck"
"$BUILD/core/ml/fragmentlab-mlcheck" --compare
timeout 300 "$BUILD/core/ml/fragmentlab-mlcheck" --device-table --seconds "${SECONDS_PER_RATE:-2}"
