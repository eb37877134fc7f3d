#!/usr/bin/env bash
# Sets up (Debian packages), builds and opens FragmentLab on the bundled demo project.
#   ./run.sh                  open the demo project
#   ./run.sh PROJECT_DIR      open another project
set -euo pipefail
cd "$(dirname "$0")"
./scripts/setup-deps.sh --gui
BUILD_DIR=${BUILD_DIR:-build}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)"
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
  cat >&2 <<MSG
run.sh: no display found (DISPLAY and WAYLAND_DISPLAY are unset).
Start the GUI under a virtual X server:
    sudo apt-get install -y xvfb && xvfb-run -a -s "-screen 0 1600x1000x24" ./run.sh
or render off screen (nothing visible, useful for screenshots):
    QT_QPA_PLATFORM=offscreen ./run.sh
MSG
  exit 1
fi
exec "$BUILD_DIR/app/fragmentlab" "$@"
