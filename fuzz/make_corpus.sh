#!/usr/bin/env bash
# Build the seed corpus of a fuzz harness from real articles:
#   fuzz/make_corpus.sh OUT_DIR [N] [--jsonl]
# OUT_DIR gets the samples (data/samples), the seed articles (../shared/seeds), the saved
# crashers (test/regress) and N (default 300) articles from ../shared/corpus, each cut to
# 4 KB so that one run stays fast. With --jsonl (for fuzz_ingest) each input is instead
# JSON Lines: two or three of those articles as {"text", "source", "title", "url",
# "published", "file"} records, as `claimtrack ingest --jsonl` reads them.
# Files are named by content hash: reruns add nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz/make_corpus.sh OUT_DIR [N] [--jsonl]}
n=${2:-300}
jsonl=${3:-}
mkdir -p "$out"

files=()
for f in data/samples/*.txt ../shared/seeds/*.txt test/regress/*; do
  [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && files+=("$f")
done
if [ -d ../shared/corpus ]; then
  # every k-th article in name order: the same sample on every machine
  mapfile -t all < <(find ../shared/corpus -name '*.txt' ! -name 'README*' \
                       ! -name 'annotation*' | LC_ALL=C sort)
  if [ ${#all[@]} -gt 0 ]; then
    step=$(( ${#all[@]} / n )); [ "$step" -ge 1 ] || step=1
    for ((i = 0; i < ${#all[@]}; i += step)); do files+=("${all[$i]}"); done
  fi
fi

if [ "$jsonl" = "--jsonl" ]; then
  python3 - "$out" "${files[@]}" <<'PY'
import hashlib, json, os, sys
out, paths = sys.argv[1], sys.argv[2:]
def record(i, path):
    text = open(path, "rb").read()[:2048].decode("utf-8", "replace")
    rec = {"text": text, "file": os.path.basename(path)}
    if i % 2 == 0:
        rec["source"] = os.path.basename(os.path.dirname(path))
        rec["title"] = text.split("\n", 1)[0][:120]
    if i % 3 == 0:
        rec["url"] = "https://example.com/%d" % i
        rec["published"] = "2025-01-%02d" % (i % 28 + 1)
    return json.dumps(rec, ensure_ascii=(i % 4 == 0))
for i in range(len(paths)):
    group = [record(i + k, paths[(i + k) % len(paths)]) for k in range(2 + i % 2)]
    data = ("\n".join(group) + "\n").encode()
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
PY
else
  for f in "${files[@]}"; do
    h=$(head -c 4096 "$f" | sha1sum | cut -c1-16)
    [ -e "$out/$h" ] || head -c 4096 "$f" > "$out/$h"
  done
fi
echo "$(ls "$out" | wc -l) seed inputs in $out"
