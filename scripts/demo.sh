#!/usr/bin/env bash
# Build claimtrack, then run it on the sample articles in data/samples/: the claims of each
# article, then the same articles ingested into a fresh store (build/demo.db) and what
# corroborates, what contradicts, how many independent origins stand behind each claim,
# and which documents only rewrite another.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset dev >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
ct=./build/claimtrack
db=build/demo.db
rm -f "$db" "$db-wal" "$db-shm"

echo "== claims, article by article"
$ct extract data/samples/*.txt
echo
echo "== ingest into $db"
$ct ingest --db "$db" data/samples/*.txt
echo
echo "== what corroborates and what contradicts; origins; derived documents"
$ct relations --db "$db"
