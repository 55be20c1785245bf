#!/usr/bin/env python3
"""How much the Python wrapper costs over the C library: extract the four seed articles
through Python (claimtrack.extract, Claim objects built) and through the CLI
(`claimtrack extract --json`), in the same run, and print the ratio. The budget is 1.5x.

    CLAIMTRACK_LIBRARY=build/lib/libclaimtrack.so \\
        python3 bench/bench_python.py --cli build/claimtrack

Each side reads the same files, the seeds repeated --repeat times, so that process start
(the CLI's exec; the interpreter is already running) is spread over real work. The sides
take turns, --runs times, and the best wall and CPU times of each are kept; the budget is
checked on CPU time, which other work on a shared machine disturbs least. A single pass
over the four seeds is printed as well. Exit status 1 when the ratio is over the budget.
"""

import argparse
import glob
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))

import claimtrack  # noqa: E402  (after the path is set)

BUDGET = 1.5


def run_cli(cli, files):
    """One CLI run: (wall seconds, CPU seconds of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run([cli, "extract", "--json", *files], stdout=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_python(files):
    """One Python run: (wall seconds, CPU seconds, claims)."""
    c0, t0, n = time.process_time(), time.perf_counter(), 0
    for path in files:
        with open(path, "rb") as f:
            n += len(claimtrack.extract(f.read()))
    return time.perf_counter() - t0, time.process_time() - c0, n


def measure(cli, files, runs):
    """Best wall and CPU times of each side over runs, the two sides taking turns so that
    a burst of load from elsewhere on the machine hits both alike."""
    best = {"cli": [float("inf")] * 2, "py": [float("inf")] * 2}
    claims = 0
    for _ in range(runs):
        for side in ("cli", "py"):
            if side == "cli":
                wall, cpu = run_cli(cli, files)
            else:
                wall, cpu, claims = run_python(files)
            best[side] = [min(best[side][0], wall), min(best[side][1], cpu)]
    return best["cli"], best["py"], claims


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "claimtrack"))
    ap.add_argument("--samples", default=os.path.join(ROOT, "data", "samples"))
    ap.add_argument("--repeat", type=int, default=100, help="copies of the seeds per run")
    ap.add_argument("--runs", type=int, default=9)
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

    (one_cli, _), (one_py, _), n = measure(args.cli, seeds, args.runs)
    files = seeds * args.repeat
    (cli, cli_cpu), (py, py_cpu), total = measure(args.cli, files, args.runs)
    ratio, ratio_cpu = py / cli, py_cpu / cli_cpu
    mb = size * args.repeat / 1e6

    print("library:  %s (%s)" % (claimtrack.library_path(), claimtrack.library_version()))
    print("seeds:    %d files, %d bytes, %d claims" % (len(seeds), size, n))
    print("one pass: CLI %.2f ms (with exec), Python %.2f ms" % (one_cli * 1e3, one_py * 1e3))
    print("x%d:     CLI %.1f ms wall, %.1f ms CPU (%.1f MB/s); Python %.1f ms wall, %.1f ms CPU "
          "(%.1f MB/s); %d claims" % (args.repeat, cli * 1e3, cli_cpu * 1e3, mb / cli_cpu,
                                     py * 1e3, py_cpu * 1e3, mb / py_cpu, total))
    print("ratio:    Python / CLI = %.2f wall, %.2f CPU (budget %.1f): %s"
          % (ratio, ratio_cpu, BUDGET, "ok" if ratio_cpu <= BUDGET else "OVER BUDGET"))
    return 0 if ratio_cpu <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
