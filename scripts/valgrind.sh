#!/usr/bin/env bash
# Valgrind memcheck over the CLI (the seeds and a sample of the corpus, every output form),
# the Check suites (CK_FORK=no, so reports come from the test process itself, with the
# hostile sizes scaled down) and the fuzz harnesses over the saved crashers. Any memory
# error or leak fails.
#   scripts/valgrind.sh            CORPUS_SAMPLE=N picks N corpus articles (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset dev >/dev/null
cmake --build build -j"$(nproc)"

vg=(valgrind --quiet --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect,possible
    --show-leak-kinds=definite,indirect,possible --track-origins=yes)
cli=build/claimtrack

files=(data/samples/*.txt)
[ -d ../shared/seeds ] && files+=(../shared/seeds/*.txt)
if [ -d ../shared/corpus ]; then
  n=${CORPUS_SAMPLE:-60}
  mapfile -t all < <(find ../shared/corpus -name '*.txt' ! -name 'README*' \
                       ! -name 'annotation*' | LC_ALL=C sort)
  step=$(( ${#all[@]} / n )); [ "$step" -ge 1 ] || step=1
  for ((i = 0; i < ${#all[@]}; i += step)); do files+=("${all[$i]}"); done
fi

status=0
# run LABEL CMD...: valgrind it; status 99 is a memory error or leak. With MUST_PASS=1
# any other non-zero status fails too (a test suite failing under valgrind).
run() {
  local label=$1 rc=0
  shift
  "${vg[@]}" "$@" >build/valgrind.out 2>build/valgrind.log || rc=$?
  if [ $rc -eq 99 ] || { [ "${MUST_PASS:-0}" = 1 ] && [ $rc -ne 0 ]; }; then
    echo "FAIL $label (exit $rc)"
    sed 's/^/  /' build/valgrind.log build/valgrind.out | head -60
    status=1
  else
    echo "ok   $label (exit $rc)"
  fi
}

echo "== CLI over ${#files[@]} files"
run "extract --json" "$cli" extract --json "${files[@]}"
run "extract (table)" "$cli" extract "${files[@]}"
run "quantities --json" "$cli" quantities --json "${files[@]}"
run "extract --replace-invalid" "$cli" --replace-invalid extract --json test/cli/*/*.txt \
  test/regress/*
run "missing file and usage errors" "$cli" extract nope.txt data/samples

echo "== unit suites"
export MUST_PASS=1 CK_FORK=no CT_HOSTILE_BIG_MB=1 CT_HOSTILE_TINY_DOCS=5000 CT_HOSTILE_PATHO_BYTES=8000
for t in build/test/check_*; do
  [ -x "$t" ] && run "$(basename "$t")" "$t"
done

echo "== fuzz harnesses over the saved crashers and the samples"
for t in build/fuzz/replay_*; do
  [ -x "$t" ] || continue
  h=${t##*/replay_}
  run "$h" "$t" --prefix "$h-" test/regress --prefix "" data/samples
done
exit $status
