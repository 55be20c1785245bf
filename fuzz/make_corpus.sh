#!/usr/bin/env bash
# Build the seed corpus of a fuzz harness from real articles:
#   fuzz/make_corpus.sh OUT_DIR [N]
# OUT_DIR gets the samples (data/samples), the seed articles (../shared/seeds), the saved
# crashers (test/regress) and N (default 300) articles from ../shared/corpus, each cut to
# 4 KB so that one run stays fast. Files are named by content hash: reruns add nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz/make_corpus.sh OUT_DIR [N]}
n=${2:-300}
mkdir -p "$out"

add() { # add FILE: copy its first 16 KB under its hash
  local h
  h=$(head -c 4096 "$1" | sha1sum | cut -c1-16)
  [ -e "$out/$h" ] || head -c 4096 "$1" > "$out/$h"
}

for f in data/samples/*.txt ../shared/seeds/*.txt test/regress/*; do
  [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && add "$f"
done
if [ -d ../shared/corpus ]; then
  # every k-th article in name order: the same sample on every machine
  mapfile -t all < <(find ../shared/corpus -name '*.txt' ! -name 'README*' \
                       ! -name 'annotation*' | LC_ALL=C sort)
  if [ ${#all[@]} -gt 0 ]; then
    step=$(( ${#all[@]} / n )); [ "$step" -ge 1 ] || step=1
    for ((i = 0; i < ${#all[@]}; i += step)); do add "${all[$i]}"; done
  fi
fi
echo "$(ls "$out" | wc -l) seed inputs in $out"
