#!/usr/bin/env bash
# Sets up (Debian packages), checks the code format, builds and runs every test with CTest,
# in two phases:
#   1. the code format (scripts/check-format.sh: every source as .clang-format says), then the
#      normal build (./build): every test (labels core, cli, ui, package);
#   2. the hardening build (./build-sanitize, clang, ASan + UBSan, no GUI): every core and
#      CLI test again under the sanitizers, training and prediction included, then each
#      libFuzzer target for a bounded time (labels core, cli, fuzz).
# Usage:
#   ./test.sh                 both phases (what CI runs, through .ci/run)
#   ./test.sh -L core         extra arguments go to ctest in both phases (here: label core)
#   ./test.sh --no-sanitize   phase 1 only (quick local run)
#   ./test.sh --sanitize      phase 2 only
# Environment: BUILD_DIR (build), SANITIZE_BUILD_DIR (build-sanitize), JOBS (number of cores),
# FUZZ_SECONDS (per fuzz target, default 45).
set -euo pipefail
cd "$(dirname "$0")"

normal=1
sanitize=1
ctest_args=()
for arg in "$@"; do
  case "$arg" in
    --no-sanitize) sanitize=0 ;;
    --sanitize) normal=0 ;;
    *) ctest_args+=("$arg") ;;
  esac
done
JOBS=${JOBS:-$(nproc)}
export QT_QPA_PLATFORM=offscreen
status=0

if (( normal )); then
  ./scripts/setup-deps.sh --package --format
  ./scripts/check-format.sh || { echo "test.sh: sources not formatted (scripts/check-format.sh --fix formats them)" >&2; status=1; }
  BUILD_DIR=${BUILD_DIR:-build}
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD_DIR" -j "$JOBS"
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$JOBS" "${ctest_args[@]}" || status=$?
fi

if (( sanitize )); then
  ./scripts/setup-deps.sh --sanitize
  SANITIZE_BUILD_DIR=${SANITIZE_BUILD_DIR:-build-sanitize}
  cmake -S . -B "$SANITIZE_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DFRAGMENTLAB_SANITIZE=ON -DFRAGMENTLAB_FUZZ=ON -DFRAGMENTLAB_GUI=OFF \
    -DFRAGMENTLAB_FUZZ_SECONDS="${FUZZ_SECONDS:-45}" >/dev/null
  cmake --build "$SANITIZE_BUILD_DIR" -j "$JOBS"
  ctest --test-dir "$SANITIZE_BUILD_DIR" --output-on-failure -j "$JOBS" "${ctest_args[@]}" || status=$?
fi
exit "$status"
