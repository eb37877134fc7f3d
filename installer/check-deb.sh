#!/usr/bin/env bash
# CTest package_deb: builds the .deb from a build tree with CPack into a scratch folder,
# checks its contents and dependencies with dpkg-deb, checks that apt can resolve every
# dependency (simulated install), extracts it into a scratch root and runs
# fragmentlab-cli --version (and, when the package has the demo project, reads it) from there.
#   installer/check-deb.sh BUILD_DIR SOURCE_DIR
# Exit 0 passed, 1 failed, 77 skipped (no dpkg-deb / cpack: not a Debian machine).
set -euo pipefail
build=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)

for tool in dpkg-deb dpkg-shlibdeps cpack; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not found"; exit 77; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/fl-deb-check.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. Build the package (CPack installs the build tree into its own staging folder).
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/out" >"$scratch/cpack.log" 2>&1; then
  cat "$scratch/cpack.log" >&2
  fail "cpack could not build the package"
fi
deb=$(ls "$scratch"/out/fragmentlab_*.deb 2>/dev/null | head -n1)
[[ -n "$deb" ]] || fail "no fragmentlab_*.deb in $scratch/out"
echo "package: $(basename "$deb") ($(du -h "$deb" | cut -f1))"

# 2. Control fields.
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == fragmentlab ]] || fail "Package is '$(field Package)'"
version=$(grep -m1 'CPACK_PACKAGE_VERSION ' "$build/CPackConfig.cmake" | sed -E 's/.*"(.*)".*/\1/')
[[ $(field Version) == "$version" ]] || fail "Version is '$(field Version)', expected $version"
[[ $(field Architecture) == "$(dpkg --print-architecture)" ]] || fail "Architecture is '$(field Architecture)'"
depends=$(field Depends)
echo "Depends: $depends"
# Each library the binaries link, found by dpkg-shlibdeps, plus the run-time plugins.
for pkg in libqt6core6 libqt6gui6 libqt6widgets6 libqcustomplot libopencv-core libavformat libavcodec libswscale \
           libtorch qt6-qpa-plugins libqt6svg6 libstdc++6 libc6; do
  found=0
  while read -r name; do [[ $name == "$pkg"* ]] && found=1; done < <(tr ',|' '\n\n' <<<"$depends" | awk '{print $1}')
  (( found )) || fail "Depends lacks $pkg*"
done
[[ $(field Recommends) == *libopenblas0-pthread* ]] || fail "Recommends lacks libopenblas0-pthread"

# 3. Contents.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$scratch/contents"
expect=(
  /usr/bin/fragmentlab
  /usr/bin/fragmentlab-cli
  /usr/lib/fragmentlab/fragmentlab-cli-ml
  /usr/share/applications/org.fragmentlab.FragmentLab.desktop
  /usr/share/metainfo/org.fragmentlab.FragmentLab.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/fragmentlab.svg
  /usr/share/fragmentlab/translations/fragmentlab_zh_CN.qm
  /usr/share/doc/fragmentlab/copyright
)
for size in 16 22 24 32 48 64 128 256 512; do expect+=("/usr/share/icons/hicolor/${size}x${size}/apps/fragmentlab.png"); done
have_demo=0
if [[ -f "$source/resources/demo/project.json" ]]; then
  have_demo=1
  expect+=(/usr/share/fragmentlab/demo/project.json)
fi
for path in "${expect[@]}"; do
  grep -qxF "$path" "$scratch/contents" || fail "the package lacks $path"
done
! grep -q '^/usr/share/fragmentlab/demo/cache/.' "$scratch/contents" || fail "the package ships the demo's cache/"
! grep -Eq '^/usr/(local|lib/x86_64-linux-gnu/cmake)|^/home|^/root|^/tmp|^/work' "$scratch/contents" || fail "the package installs outside /usr"

# 4. apt can resolve every dependency (simulation; needs no root and changes nothing).
if command -v apt-get >/dev/null && compgen -G "/var/lib/apt/lists/*Packages*" >/dev/null; then
  if ! apt-get install -s -q --no-install-recommends "$deb" >"$scratch/apt.log" 2>&1; then
    cat "$scratch/apt.log" >&2
    fail "apt-get cannot resolve the package's dependencies"
  fi
  echo "apt-get install -s: dependencies resolve"
else
  echo "note: no apt package lists here; dependency resolution not simulated"
fi

# 5. Extract into a scratch root and run from there.
root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for bin in bin/fragmentlab bin/fragmentlab-cli lib/fragmentlab/fragmentlab-cli-ml; do
  missing=$(ldd "$root/usr/$bin" | grep 'not found' || true)
  [[ -z "$missing" ]] || fail "$bin: libraries not found: $missing"
done
out=$("$root/usr/bin/fragmentlab-cli" --version) || fail "fragmentlab-cli --version failed"
echo "$out"
[[ $out == "fragmentlab-cli $version "* ]] || fail "unexpected --version output: $out"
# The light CLI must not load LibTorch (it hands model commands to fragmentlab-cli-ml).
! ldd "$root/usr/bin/fragmentlab-cli" | grep -q libtorch || fail "fragmentlab-cli links LibTorch"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$root/usr/share/metainfo/org.fragmentlab.FragmentLab.metainfo.xml" >/dev/null \
    || fail "appstreamcli rejects the metainfo"
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$root/usr/share/applications/org.fragmentlab.FragmentLab.desktop" || fail "desktop-file-validate rejects the .desktop file"
fi
if (( have_demo )); then
  # The shipped demo is a valid project whose videos are inside it (read-only copy: export only).
  HOME="$scratch/home" "$root/usr/bin/fragmentlab-cli" labels export "$root/usr/share/fragmentlab/demo" "$scratch/demo-labels.csv" >/dev/null \
    || fail "the packaged demo project does not load"
  HOME="$scratch/home" "$root/usr/bin/fragmentlab-cli" project relink "$root/usr/share/fragmentlab/demo" "$root/usr/share/fragmentlab/demo" >"$scratch/relink.txt" \
    || fail "the packaged demo project does not load"
  ! grep -q '^missing' "$scratch/relink.txt" || fail "the packaged demo project misses videos: $(cat "$scratch/relink.txt")"
fi
echo "package OK"
