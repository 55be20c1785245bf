#!/usr/bin/env bash
# Build and run the whole test suite. --asan: under AddressSanitizer + UBSan, in build-asan/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
if [ "${1:-}" = "--asan" ]; then
  cmake --preset asan >/dev/null
  cmake --build build-asan -j"$(nproc)"
  # CK_FORK=no: reports come from the test process itself; leaks are checked too.
  CK_FORK=no ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure
else
  cmake --preset dev >/dev/null
  cmake --build build -j"$(nproc)"
  ctest --test-dir build --output-on-failure
fi
