#!/usr/bin/env python3
"""Run the data-driven CLI cases: each test/cli/<case>/ holds `args` (one argument per
line; @CASE@ is replaced by the case's folder, @SAMPLES@ by data/samples), optional
`stdin`, the expected `status` (default 0), and optional `stdout` (exact) or
`stdout_contains` / `stderr_contains` (one required line each), or `stdout_lacks` /
`stderr_lacks` (one forbidden line each, e.g. a raw terminal escape). Standard library only."""
import argparse
import os
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--program", required=True)
    ap.add_argument("--cases", required=True)
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(args.cases)))
    samples = os.path.join(root, "data", "samples")
    passed = failed = 0
    for name in sorted(os.listdir(args.cases)):
        case = os.path.join(args.cases, name)
        if not os.path.isdir(case):
            continue

        def read(fn, mode="r"):
            p = os.path.join(case, fn)
            return open(p, mode).read() if os.path.exists(p) else None

        argv = [a.replace("@CASE@", case).replace("@SAMPLES@", samples)
                for a in (read("args") or "").splitlines() if a]
        stdin = read("stdin", "rb")
        run = subprocess.run([args.program, *argv], input=stdin if stdin is not None else b"",
                             capture_output=True, timeout=120)
        out, err = run.stdout.decode("utf-8", "replace"), run.stderr.decode("utf-8", "replace")
        problems = []
        want_status = int((read("status") or "0").strip())
        if run.returncode != want_status:
            problems.append(f"status {run.returncode}, want {want_status}")
        want_out = read("stdout")
        if want_out is not None and out != want_out:
            problems.append(f"stdout differs:\n--- got\n{out}\n--- want\n{want_out}")
        for fn, text in (("stdout_contains", out), ("stderr_contains", err)):
            for line in (read(fn) or "").splitlines():
                if line and line not in text:
                    problems.append(f"{fn[:6]} lacks {line!r}; got:\n{text[:2000]}")
        for fn, text in (("stdout_lacks", out), ("stderr_lacks", err)):
            for line in (read(fn) or "").splitlines():
                if line and line in text:
                    problems.append(f"{fn[:6]} holds {line!r}; got:\n{text[:2000]!r}")
        if problems:
            failed += 1
            print(f"FAIL {name}: " + "\n  ".join(problems))
        else:
            passed += 1
            print(f"ok   {name}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
