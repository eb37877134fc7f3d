#!/usr/bin/env bash
# Installs the Debian 12 packages FragmentLab needs to build, test and run.
# Idempotent and quiet when everything is already there. Used by run.sh and test.sh.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libgl-dev libxkbcommon-dev
  libqcustomplot-dev
  libopencv-dev
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
  libtorch-dev libopenblas0-pthread
  ffmpeg
  xvfb
)
#   --gui       also what the GUI needs on a desktop (run.sh)
#   --sanitize  also clang with its sanitizer and libFuzzer runtimes (test.sh's sanitizer phase)
#   --package   also what checking the .deb uses (appstream: metainfo validation)
#   --format    also clang-format 14, which the code's style (.clang-format) is pinned to
for mode in "$@"; do
  case "$mode" in
    --gui) PACKAGES+=(qt6-wayland fonts-dejavu-core libqt6svg6) ;;
    --sanitize) PACKAGES+=(clang-14 libclang-rt-14-dev) ;;
    --package) PACKAGES+=(appstream) ;;
    --format) PACKAGES+=(clang-format-14) ;;
    *) echo "setup-deps: unknown option $mode" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "setup: installing ${#missing[@]} Debian package(s): ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
