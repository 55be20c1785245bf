#!/usr/bin/env bash
# Build claimtrack and run it on the sample articles in data/samples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset dev >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
./build/claimtrack extract data/samples/*.txt
