#!/usr/bin/env bash
# Checks that the tracked C++ sources (*.h, *.cpp under app/ core/ ui/ tests/) follow
# .clang-format. Changes nothing unless --fix is given.
# Usage:
#   scripts/check-format.sh                  list the files clang-format would change; exit 1 if any
#   scripts/check-format.sh --fix            format those files in place
#   scripts/check-format.sh --if-available   as above, but exit 0 (with a note) when clang-format is missing
#   scripts/check-format.sh [opts] PATH...   only the tracked sources under these paths
# Exit status: 0 all formatted (or fixed), 1 unformatted files (or --fix failed on one),
# 2 cannot check (no clang-format, no .clang-format, bad option).
# Environment: CLANG_FORMAT (the binary; default clang-format-14, else clang-format),
# JOBS (parallel processes; default nproc).
# The style is pinned to clang-format 14 (Debian 12's); other versions may disagree on details.
set -euo pipefail

fix=0
if_available=0
paths=()
for arg in "$@"; do
  case "$arg" in
    --fix) fix=1 ;;
    --if-available) if_available=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "check-format: unknown option $arg" >&2; exit 2 ;;
    *) paths+=("$arg") ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Paths given on the command line are relative to where the script was called from.
if (( ${#paths[@]} )); then
  for i in "${!paths[@]}"; do
    p=${paths[$i]}
    [[ $p == /* ]] || p="$PWD/$p"
    [[ -e $p ]] || { echo "check-format: no such file or folder: ${paths[$i]}" >&2; exit 2; }
    p=$(realpath -m "$p")
    [[ $p == "$root" || $p == "$root"/* ]] || { echo "check-format: outside the repository: ${paths[$i]}" >&2; exit 2; }
    p=${p#"$root"}; p=${p#/}
    paths[$i]=${p:-.}
  done
fi
cd "$root"

if [[ -n ${CLANG_FORMAT:-} ]]; then
  cf=$CLANG_FORMAT
elif command -v clang-format-14 >/dev/null 2>&1; then
  cf=clang-format-14
else
  cf=clang-format
fi
if ! command -v "$cf" >/dev/null 2>&1; then
  if (( if_available )); then
    echo "check-format: $cf not found; format check skipped (apt-get install clang-format)" >&2
    exit 0
  fi
  echo "check-format: $cf not found (apt-get install clang-format, or set CLANG_FORMAT)" >&2
  exit 2
fi
if [[ ! -f .clang-format ]]; then
  echo "check-format: no .clang-format at $root" >&2
  exit 2
fi
version=$("$cf" --version 2>/dev/null | sed -nE 's/.*version ([0-9]+)\..*/\1/p' | head -n1)
if [[ $version != 14 ]]; then
  echo "check-format: note: $cf is version ${version:-unknown}; the style is pinned to clang-format 14" >&2
fi
# A broken .clang-format would make every file look unformatted: check it once up front.
if ! config_error=$("$cf" --style=file --dump-config --assume-filename=app/x.cpp 2>&1 </dev/null >/dev/null); then
  echo "check-format: $cf cannot read .clang-format:" >&2
  echo "$config_error" >&2
  exit 2
fi

# The tracked sources (or, outside a git checkout, the files on disk).
(( ${#paths[@]} )) || paths=(app core ui tests)
files=()
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  specs=()
  for p in "${paths[@]}"; do
    case "$p" in
      *.h|*.cpp) specs+=("$p") ;;
      .) specs+=('*.h' '*.cpp') ;;
      *) specs+=("$p/*.h" "$p/*.cpp") ;;
    esac
  done
  while IFS= read -r -d '' f; do
    case "$f" in app/*|core/*|ui/*|tests/*) ;; *) continue ;; esac
    if [[ -f $f ]]; then files+=("$f"); fi   # tracked but deleted in the working tree: skipped
  done < <(git ls-files -z -- "${specs[@]}")
else
  while IFS= read -r -d '' f; do
    f=${f#./}
    case "$f" in app/*|core/*|ui/*|tests/*) files+=("$f") ;; esac
  done < <(find "${paths[@]}" -type f \( -name '*.h' -o -name '*.cpp' \) -print0 2>/dev/null)
fi
if (( ${#files[@]} == 0 )); then
  echo "check-format: no C++ sources to check" >&2
  exit 0
fi

jobs=${JOBS:-$(nproc 2>/dev/null || echo 4)}
per_call=$(( (${#files[@]} + jobs - 1) / jobs ))
if (( per_call > 16 )); then per_call=16; fi

# clang-format starts slowly (~0.1 s), so each call gets a batch of files; the batches run
# in parallel. Each batch prints the names of the files clang-format would change (one
# report line per file: --ferror-limit=1), or "!name" for each file of a batch that
# failed for another reason.
export CF="$cf"
results=$(printf '%s\0' "${files[@]}" \
  | xargs -0 -P "$jobs" -n "$per_call" sh -c '
      out=$("$CF" --style=file --dry-run --Werror --ferror-limit=1 "$@" 2>&1 >/dev/null); rc=$?
      names=$(printf "%s\n" "$out" \
        | sed -nE "s/^(.+):[0-9]+:[0-9]+: (error|warning): code should be clang-formatted.*/\1/p" | sort -u)
      if [ "$rc" -ne 0 ] && [ -z "$names" ]; then
        printf "%s\n" "$out" >&2
        printf "!%s\n" "$@"
      elif [ -n "$names" ]; then
        printf "%s\n" "$names"
      fi
      exit 0' sh \
  | LC_ALL=C sort -u)
failed=$(printf '%s\n' "$results" | sed -n 's/^!//p')
unformatted=$(printf '%s\n' "$results" | sed '/^!/d;/^$/d')
if [[ -n $failed ]]; then
  echo "check-format: $cf failed on (see above):" >&2
  printf '  %s\n' $failed >&2
  exit 2
fi

if [[ -z $unformatted ]]; then
  echo "check-format: ${#files[@]} files checked, all formatted"
  exit 0
fi
count=$(printf '%s\n' "$unformatted" | wc -l)

if (( fix )); then
  if printf '%s\n' "$unformatted" | tr '\n' '\0' \
      | xargs -0 -P "$jobs" -n "$per_call" "$cf" --style=file -i; then
    printf '%s\n' "$unformatted" | sed 's/^/formatted: /'
    echo "check-format: formatted $count of ${#files[@]} files"
    exit 0
  fi
  echo "check-format: $cf failed on some of the files above" >&2
  exit 1
fi

printf '%s\n' "$unformatted"
echo "check-format: $count of ${#files[@]} files are not formatted (scripts/check-format.sh --fix formats them;" \
  "$cf --dry-run FILE shows what changes)" >&2
exit 1
