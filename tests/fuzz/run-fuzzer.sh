#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time (CTest tests fuzz_*, label "fuzz").
#   tests/fuzz/run-fuzzer.sh FUZZER SEED_DIR SECONDS DICT ARTIFACT_DIR
# The seeds are read, never written: new inputs go to a scratch corpus that is thrown away.
# On a crash, hang or leak the input is kept in ARTIFACT_DIR and printed (base64) so it can
# become a regression test; the exit status is then non-zero.
set -euo pipefail
fuzzer=$1 seeds=$2 seconds=$3 dict=$4 artifacts=$5
mkdir -p "$artifacts"
work=$(mktemp -d "${TMPDIR:-/tmp}/fl-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
before=$(ls "$artifacts" | wc -l)
status=0
"$fuzzer" "$work" "$seeds" -dict="$dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" >"$work.log" 2>&1 || status=$?
grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|SUMMARY|fuzz_.*: ' "$work.log" || true
if (( status != 0 )); then
  tail -n 60 "$work.log"
  for f in $(ls -t "$artifacts" | head -n $(( $(ls "$artifacts" | wc -l) - before ))); do
    echo "artifact $artifacts/$f (base64):"
    base64 -w0 "$artifacts/$f"; echo
  done
fi
rm -f "$work.log"
exit $status
