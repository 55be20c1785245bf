#!/usr/bin/env bash
# Build the libFuzzer harnesses with clang (build-fuzz/) and run each for FUZZ_SECONDS
# (default 60) from a seed corpus of real articles. Any crash, leak, timeout or
# out-of-memory fails the run; the input is kept under test/regress/ (replayed by
# ctest from then on) and printed.
#   scripts/fuzz.sh [HARNESS...]      default: every harness that was built
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
seconds=${FUZZ_SECONDS:-60}
jobs=$(nproc)

CC=clang cmake -S . -B build-fuzz -DCLAIMTRACK_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCLAIMTRACK_BUILD_EXAMPLES=OFF -DCLAIMTRACK_BUILD_BENCH=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$jobs"

harnesses=("$@")
if [ ${#harnesses[@]} -eq 0 ]; then
  for h in fuzz_extract fuzz_ingest fuzz_check; do
    [ -x "build-fuzz/fuzz/$h" ] && harnesses+=("$h")
  done
fi

status=0
for h in "${harnesses[@]}"; do
  corpus=fuzz/corpus-run/${h#fuzz_}
  artifacts=build-fuzz/artifacts/$h
  mkdir -p "$corpus" "$artifacts"
  mode=""
  [ "$h" = fuzz_ingest ] && mode=--jsonl
  bash fuzz/make_corpus.sh "$corpus" 300 $mode >/dev/null
  dict=(-dict=fuzz/extract.dict) # article words; the ingest harness has its own
  [ -f "fuzz/${h#fuzz_}.dict" ] && dict=(-dict="fuzz/${h#fuzz_}.dict")
  log=build-fuzz/$h.log
  echo "== $h: ${seconds}s from $(ls "$corpus" | wc -l) inputs"
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "build-fuzz/fuzz/$h" "$corpus" "${dict[@]}" -max_total_time="$seconds" -max_len=8192 \
      -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$log" | sed "s/^/  /" || true
  if [ $rc -ne 0 ]; then
    status=1
    echo "FAIL $h (exit $rc):"
    grep -E 'ERROR|SUMMARY|fuzz_[a-z]+: |Test unit written' "$log" | head -20 | sed "s/^/  /"
    for a in "$artifacts"/*; do
      [ -f "$a" ] || continue
      keep="test/regress/$h-$(sha1sum "$a" | cut -c1-16)"
      cp "$a" "$keep"
      echo "  kept $keep (ctest replays it)"
    done
  else
    echo "ok   $h"
  fi
done
exit $status
