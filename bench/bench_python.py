#!/usr/bin/env python3
"""How much the Python wrapper costs over the C library: extract the four seed articles
through Python (claimtrack.extract, Claim objects built) and through the CLI
(`claimtrack extract --json`), in the same run, and print the ratio. The budget is 1.5x.

    CLAIMTRACK_LIBRARY=build/lib/libclaimtrack.so \\
        python3 bench/bench_python.py --cli build/claimtrack

Each side reads the same files, the seeds repeated --repeat times, so that process start
(the CLI's exec, the interpreter is already running) is spread over real work; the best of
--runs timings is kept for each. A single pass over the four seeds is printed as well.
Exit status 1 when the ratio is over the budget.
"""

import argparse
import glob
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import claimtrack  # noqa: E402  (after the path is set)

BUDGET = 1.5


def time_cli(cli, files, runs):
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([cli, "extract", "--json", *files], stdout=subprocess.DEVNULL,
                       check=True)
        best = min(best, time.perf_counter() - t0)
    return best


def time_python(files, runs):
    best, claims = float("inf"), 0
    for _ in range(runs):
        t0 = time.perf_counter()
        n = 0
        for path in files:
            with open(path, "rb") as f:
                n += len(claimtrack.extract(f.read()))
        best = min(best, time.perf_counter() - t0)
        claims = n
    return best, claims


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "claimtrack"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "data", "samples"))
    ap.add_argument("--repeat", type=int, default=100, help="copies of the seeds per run")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if not os.environ.get("CLAIMTRACK_LIBRARY"):
        lib = os.path.join(os.path.dirname(os.path.abspath(args.cli)), "lib",
                           "libclaimtrack.so")
        if os.path.exists(lib):
            os.environ["CLAIMTRACK_LIBRARY"] = lib
    seeds = sorted(glob.glob(os.path.join(args.samples, "[0-9][0-9][0-9]_*.txt")))
    if not seeds or not os.access(args.cli, os.X_OK):
        sys.exit("bench_python: need the seeds in %s and the CLI at %s"
                 % (args.samples, args.cli))
    size = sum(os.path.getsize(p) for p in seeds)
    claimtrack.extract("warm up: load the library")

    one_cli = time_cli(args.cli, seeds, args.runs)
    one_py, n = time_python(seeds, args.runs)
    files = seeds * args.repeat
    cli = time_cli(args.cli, files, args.runs)
    py, total = time_python(files, args.runs)
    ratio = py / cli

    print("library:  %s (%s)" % (claimtrack.library_path(), claimtrack.library_version()))
    print("seeds:    %d files, %d bytes, %d claims" % (len(seeds), size, n))
    print("one pass: CLI %.2f ms (with exec), Python %.2f ms" % (one_cli * 1e3, one_py * 1e3))
    print("x%d:     CLI %.1f ms (%.1f MB/s), Python %.1f ms (%.1f MB/s), %d claims"
          % (args.repeat, cli * 1e3, size * args.repeat / cli / 1e6, py * 1e3,
             size * args.repeat / py / 1e6, total))
    print("ratio:    Python / CLI = %.2f (budget %.1f): %s"
          % (ratio, BUDGET, "ok" if ratio <= BUDGET else "OVER BUDGET"))
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
