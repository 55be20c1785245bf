"""Tests of the ctypes wrapper, with the standard library only.

ctest runs them with CLAIMTRACK_LIBRARY (the built libclaimtrack), PYTHONPATH (python/),
CLAIMTRACK_CLI (the built CLI) and CT_SOURCE_DIR (the project root) set; by hand:

    CLAIMTRACK_LIBRARY=build/lib/libclaimtrack.so PYTHONPATH=python \\
        python3 -m unittest discover -s python/tests -v
"""

import gc
import glob
import hashlib
import base64
import importlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest
import zipfile

import claimtrack
from claimtrack import ClaimtrackError

HERE = os.path.dirname(os.path.abspath(__file__))
PYROOT = os.path.dirname(HERE)
SOURCE_DIR = os.environ.get("CT_SOURCE_DIR") or os.path.dirname(PYROOT)
SAMPLES = os.path.join(SOURCE_DIR, "data", "samples")
SEEDS = sorted(glob.glob(os.path.join(SAMPLES, "[0-9][0-9][0-9]_*.txt")))
CLI = os.environ.get("CLAIMTRACK_CLI")

KINDS = {"money", "percent", "ratio", "count", "duration", "age", "rank", "date", "number"}
BOUNDS = {"exact", "approx", "upper", "lower", "range"}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def run_python(code, env=None, python=sys.executable):
    """Run code in a fresh interpreter: the library is loaded once per process."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    for k, v in list(full_env.items()):
        if v is None:
            del full_env[k]
    return subprocess.run([python, "-c", code], env=full_env, capture_output=True, text=True,
                          timeout=120)


def claim_as_contract(c):
    """A Claim back in the JSON contract's shape, to compare with the CLI's output."""
    speaker = None
    if c.speaker:
        speaker = {"name": c.speaker.name}
        for key, val in (("kind", c.speaker.kind), ("role", c.speaker.role),
                         ("organization", c.speaker.organization)):
            if val is not None:
                speaker[key] = val
    out = {"span": list(c.span), "text": c.text, "kind": c.kind,
           "value": {"low": c.value.low, "high": c.value.high}, "unit": c.unit,
           "bound": c.bound, "direction": c.direction, "speaker": speaker,
           "hedged": c.hedged, "subject": c.subject, "entity": c.entity,
           "terms": c.terms, "sentence": list(c.sentence)}
    if c.hedge_cue is not None:
        out["hedge_cue"] = c.hedge_cue
    return out


def normalise_numbers(o):
    """6000000 and 6000000.0 are the same value."""
    if isinstance(o, dict):
        return {k: normalise_numbers(v) for k, v in o.items()}
    if isinstance(o, list):
        return [normalise_numbers(v) for v in o]
    if isinstance(o, int) and not isinstance(o, bool):
        return float(o)
    return o


class LibraryTest(unittest.TestCase):
    def test_version_is_the_packages(self):
        self.assertEqual(claimtrack.library_version(), claimtrack.__version__)

    def test_library_path_is_the_one_asked_for(self):
        want = os.environ.get("CLAIMTRACK_LIBRARY")
        if not want:
            self.skipTest("CLAIMTRACK_LIBRARY is not set")
        self.assertEqual(claimtrack.library_path(), want)

    def test_import_loads_nothing(self):
        r = run_python("import claimtrack, claimtrack._lib as L; print(L._lib is None)")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), "True")

    def test_bad_library_path_is_a_clear_error(self):
        r = run_python("import claimtrack\n"
                       "try:\n"
                       "    claimtrack.extract('x')\n"
                       "except claimtrack.ClaimtrackError as e:\n"
                       "    print(e.name, e)\n",
                       env={"CLAIMTRACK_LIBRARY": "/nonexistent/libclaimtrack.so"})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("ENOTFOUND cannot load libclaimtrack", r.stdout)
        self.assertIn("/nonexistent/libclaimtrack.so", r.stdout)


class ExtractTest(unittest.TestCase):
    def test_empty_and_blank_text(self):
        self.assertEqual(claimtrack.extract(""), [])
        self.assertEqual(claimtrack.extract(b" \n\n\t "), [])
        doc = claimtrack.extract_document("")
        self.assertEqual((doc.claims, doc.quantities, doc.quotes, doc.meta), ((), (), (), {}))

    def test_wrong_type(self):
        with self.assertRaises(TypeError):
            claimtrack.extract(42)
        with self.assertRaises(TypeError):
            claimtrack.extract(None)

    def test_invalid_utf8_raises_with_offset(self):
        with self.assertRaises(ClaimtrackError) as cm:
            claimtrack.extract(b"Sales rose 5% to \xe2\x82 in 2024.")
        err = cm.exception
        self.assertEqual(err.code, -3)
        self.assertEqual(err.name, "EINVAL")
        self.assertEqual(str(err), "invalid UTF-8 at byte 17")
        self.assertIsInstance(err, Exception)

    def test_lone_surrogate_in_str_is_invalid_utf8_at_its_byte(self):
        # "é" is two bytes: the surrogate starts at byte 3
        with self.assertRaises(ClaimtrackError) as cm:
            claimtrack.extract("é \udc80 rest")
        self.assertEqual(str(cm.exception), "invalid UTF-8 at byte 3")

    def test_replace_invalid(self):
        doc = claimtrack.extract_document(b"\xff\xfe Title of the story here\n\nProfits rose.\n",
                                          replace_invalid=True)
        self.assertIsInstance(doc, claimtrack.Document)

    def test_str_and_bytes_agree(self):
        text = read(SEEDS[1])
        self.assertEqual(claimtrack.extract(text), claimtrack.extract(text.decode("utf-8")))
        self.assertEqual(claimtrack.extract(bytearray(text)), claimtrack.extract(text))

    def test_metadata_of_the_seeds(self):
        gold = os.path.join(SOURCE_DIR, "..", "shared", "eval", "seeds.gold.json")
        want = {}
        if os.path.exists(gold):
            with open(gold, encoding="utf-8") as f:
                want = {d["file"]: d for d in json.load(f)["documents"]}
        doc = claimtrack.extract_document(read(SEEDS[0]))
        self.assertEqual(doc.meta.get("title"), "Beijing says DeepSeek isn't meant to compete "
                         "against US AI giants like OpenAI and Google")
        self.assertEqual(doc.meta.get("url"), "www.businessinsider.com")
        for path in SEEDS:
            g = want.get(os.path.basename(path))
            if g and g.get("title"):
                meta = claimtrack.extract_document(read(path)).meta
                self.assertEqual(meta.get("title"), g["title"], path)

    @unittest.skipUnless(CLI, "CLAIMTRACK_CLI is not set")
    def test_same_claims_as_the_cli(self):
        """Every field of every claim, quote and quantity equals the CLI's JSON."""
        for path in SEEDS:
            with self.subTest(file=os.path.basename(path)):
                out = subprocess.run([CLI, "extract", "--json", path], capture_output=True,
                                     check=True).stdout
                cli = json.loads(out)
                doc = claimtrack.extract_document(read(path))
                self.assertEqual(normalise_numbers([claim_as_contract(c) for c in doc.claims]),
                                 normalise_numbers(cli["claims"]))
                self.assertEqual(
                    [{"span": list(q.span), "text": q.text,
                      "speaker": q.speaker and {k: v for k, v in
                                               (("name", q.speaker.name),
                                                ("kind", q.speaker.kind)) if v is not None}}
                     for q in doc.quotes], cli["quotes"])
                self.assertEqual(doc.meta, cli["meta"])
                out = subprocess.run([CLI, "quantities", "--json", path], capture_output=True,
                                     check=True).stdout
                qs = json.loads(out)["quantities"]
                self.assertEqual(normalise_numbers(
                    [{"span": list(q.span), "text": q.text, "kind": q.kind,
                      "value": {"low": q.value.low, "high": q.value.high}, "unit": q.unit,
                      "bound": q.bound, "direction": q.direction} for q in doc.quantities]),
                    normalise_numbers(qs))

    def test_claims_are_well_formed(self):
        for path in SEEDS:
            data = read(path)
            doc = claimtrack.extract_document(data)
            self.assertEqual(list(doc.claims), claimtrack.extract(data))
            for c in doc.claims + doc.quantities:
                with self.subTest(file=os.path.basename(path), claim=c.text):
                    start, end = c.span
                    self.assertTrue(0 <= start < end <= len(data))
                    self.assertIn(c.kind, KINDS)
                    self.assertIn(c.bound, BOUNDS)
                    self.assertIn(c.direction, (None, "less", "more"))
                    low, high = c.value
                    if low is not None and high is not None:
                        self.assertLessEqual(low, high)
                    self.assertTrue(c.text)
            for c in doc.claims:
                self.assertTrue(c.sentence[0] <= c.span[0] < c.span[1] <= c.sentence[1])
                self.assertTrue(c.speaker is None or c.speaker.name)
                self.assertIsInstance(c.hedged, bool)
                hash(c)
            offsets = [c.span for c in doc.claims]
            self.assertEqual(offsets, sorted(offsets))

    def test_threads_extract_at_once(self):
        texts = [read(p) for p in SEEDS]
        want = [claimtrack.extract_document(t) for t in texts]
        results, errors = {}, []

        def work(i):
            try:
                for _ in range(20):
                    results[i] = [claimtrack.extract_document(t) for t in texts]
            except Exception as e:  # reported below, on the main thread
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for i in range(4):
            self.assertEqual(results[i], want)

    def test_errors_in_threads_are_their_own(self):
        """ct_errmsg is per thread: each thread sees the offset of its own bad byte."""
        seen, errors = {}, []

        def work(i):
            try:
                for _ in range(200):
                    try:
                        claimtrack.extract(b"x" * i + b"\xff")
                    except ClaimtrackError as e:
                        seen.setdefault(i, set()).add(str(e))
            except Exception as e:
                errors.append(e)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(1, 5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for i in range(1, 5):
            self.assertEqual(seen[i], {"invalid UTF-8 at byte %d" % i})

    def test_no_leak_over_many_extractions(self):
        """Every string the library hands over is freed: memory stays flat."""
        if "asan" in os.environ.get("LD_PRELOAD", ""):
            self.skipTest("ASan's quarantine holds freed memory")
        text = read(SEEDS[2])
        for _ in range(200):
            claimtrack.extract_document(text)
        gc.collect()
        before = _rss_kb()
        if before is None:
            self.skipTest("no /proc/self/statm")
        for _ in range(3000):
            claimtrack.extract_document(text)
        gc.collect()
        # a leaked JSON string per call would be tens of megabytes
        self.assertLess(_rss_kb() - before, 4096)


def _rss_kb():
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError):
        return None


# Sentences of the seed articles (data/samples), as a user would paste them, with the
# claim the hand annotation (shared/eval/seeds.gold.json) finds in each: its core text,
# kind, (low, high), unit, bound, direction, and the speaker when the sentence names it.
SEED_SENTENCES = [
    ("DeepSeek has said that it spent less than $6 million on \"official training\" for its "
     "latest model, but the scope of those expenses isn't clearly defined.",
     "$6 million", "money", (None, 6e6), "USD", "upper", None, "DeepSeek"),
    ("SemiAnalysis, a semiconductor analytics firm, estimated in late January that the company "
     "may possess $500 million worth of GPUs.",
     "$500 million", "money", (5e8, 5e8), "USD", "exact", None, "SemiAnalysis"),
    ("Still, DeepSeek is seriously undercutting pricing models for American AI firms like "
     "OpenAI, with Bernstein tech analysts estimating that DeepSeek's prices are 20 to 40 "
     "times cheaper.",
     "20 to 40 times", "ratio", (20, 40), "x", "range", "less", "Bernstein"),
    ("After releasing AI models that experts claim match or surpass top American models at a "
     "tenth of the price, the Chinese startup DeepSeekhas caused a stir.",
     "a tenth of the price", "ratio", (10, 10), "x", "exact", "less", None),
    ("U.S. investors were alarmed by the previously unknown company\u2019s explosive growth on "
     "Monday, which caused the largest decline in the history of the American market, wiping "
     "away about $600 billion in the market value of the chipmaker Nvidia.",
     "$600 billion", "money", (6e11, 6e11), "USD", "approx", None, None),
    ("The Chinese social media site WeChat posted in July that High-Flyer had purchased 10,000 "
     "of Nvidia\u2019s high-performance A100 graphics processor chips by 2022.",
     "10,000", "count", (1e4, 1e4), "count", "exact", None, "WeChat"),
    ("According to Kai-Fu Lee, the creator of 01.AI, his company had to innovate because of "
     "U.S. limits on chip exports, which cost $3 million to train its model.",
     "$3 million", "money", (3e6, 3e6), "USD", "exact", None, "Kai-Fu Lee"),
    ("According to an impartial rating of AI analysis, the R1 model is currently ranked second "
     "only behind California-based OpenAI\u2019s o1.",
     "second", "rank", (2, 2), "rank", "exact", None, None),
    ("According to a report that was published by SemiAnalysis, a semiconductor research "
     "organization, last month, it was estimated that DeepSeek\u2019s hardware expenditures "
     "have been \u201cwell higher\u201d than $500 million over the company\u2019s lifetime.",
     "$500 million", "money", (5e8, None), "USD", "lower", None, "SemiAnalysis"),
    ("\u201cI still think that when you look at users of these technologies, all the "
     "workflows, I think when we look back in three months\u2019 time, I think 0.01% of those "
     "is going to be moved to Deepseek from OpenAI and Anthropic,\u201d Riparbelli said.",
     "0.01%", "percent", (0.01, 0.01), "%", "exact", None, "Riparbelli"),
    ("DeepSeek\u2019s announcement of its new AI model, produced with a remarkably low training "
     "cost of under $6 million, has left many industry experts re-evaluating their "
     "understanding of the AI competition.",
     "$6 million", "money", (None, 6e6), "USD", "upper", None, None),
]


class SeedSentenceTest(unittest.TestCase):
    """What a user checks: the number in a sentence comes back with its value, unit,
    qualifier and, when the sentence names one, its speaker; spans index the UTF-8 bytes."""

    def test_seed_sentences(self):
        for (sentence, core, kind, value, unit, bound, direction,
             speaker) in SEED_SENTENCES:
            with self.subTest(claim=core, sentence=sentence[:40]):
                data = sentence.encode("utf-8")
                self.assertIn(sentence, read_seeds_text())
                start = data.index(core.encode("utf-8"))
                end = start + len(core.encode("utf-8"))
                claims = [c for c in claimtrack.extract(sentence)
                          if c.span[0] < end and start < c.span[1]]
                self.assertEqual(len(claims), 1, claimtrack.extract(sentence))
                c = claims[0]
                self.assertIn(core, c.text)
                self.assertEqual(data[c.span[0]:c.span[1]].decode("utf-8"), c.text)
                self.assertEqual((c.kind, c.unit, c.bound, c.direction),
                                 (kind, unit, bound, direction))
                self.assertEqual(c.value, claimtrack.Value(*[None if v is None else float(v)
                                                             for v in value]))
                self.assertEqual(c.sentence, (0, len(data)))
                if speaker:
                    self.assertIsNotNone(c.speaker, c)
                    self.assertIn(speaker, c.speaker.name)


_seeds_text = []


def read_seeds_text():
    """The four seeds as one str: the sentences above must be theirs, verbatim."""
    if not _seeds_text:
        _seeds_text.append("\n".join(read(p).decode("utf-8") for p in SEEDS))
    return _seeds_text[0]


class ValueObjectTest(unittest.TestCase):
    """The dataclasses, built from the JSON contract's own example (DESIGN.md)."""

    CONTRACT = {"span": [1234, 1254], "text": "less than $6 million", "kind": "money",
                "value": {"low": None, "high": 6000000}, "unit": "USD", "bound": "upper",
                "direction": None, "speaker": {"name": "DeepSeek", "kind": "organization"},
                "hedged": False, "subject": "total training cost", "entity": "DeepSeek",
                "sentence": [1100, 1260]}

    def test_fields(self):
        c = claimtrack.Claim._from_json(self.CONTRACT)
        self.assertEqual(c.span, (1234, 1254))
        self.assertEqual(c.value, claimtrack.Value(None, 6e6))
        self.assertEqual(c.value.high, 6e6)
        self.assertIsInstance(c.value.high, float)
        self.assertEqual(c.speaker, claimtrack.Speaker("DeepSeek", "organization"))
        self.assertEqual(str(c.speaker), "DeepSeek")
        self.assertEqual(c.sentence, (1100, 1260))
        self.assertIsNone(c.id)
        self.assertIsInstance(c, claimtrack.Quantity)
        with self.assertRaises(Exception):
            c.text = "changed"  # frozen
        self.assertEqual(len({c, claimtrack.Claim._from_json(self.CONTRACT)}), 1)

    def test_reprs_read_well(self):
        c = claimtrack.Claim._from_json(self.CONTRACT)
        self.assertEqual(repr(c), "Claim('less than $6 million', money < 6,000,000 USD upper, "
                                  "speaker='DeepSeek', subject='total training cost', "
                                  "entity='DeepSeek', span=(1234, 1254))")
        r = dict(self.CONTRACT, text="20 to 40 times cheaper", kind="ratio", unit="x",
                 bound="range", direction="less", value={"low": 20, "high": 40}, speaker=None,
                 hedged=True)
        self.assertEqual(repr(claimtrack.Claim._from_json(r)),
                         "Claim('20 to 40 times cheaper', ratio 20 to 40 x less range, "
                         "speaker=None, hedged, subject='total training cost', "
                         "entity='DeepSeek', span=(1234, 1254))")
        q = claimtrack.Quantity._from_json(dict(self.CONTRACT, text="about 0.5%", kind="percent",
                                                unit="%", bound="approx",
                                                value={"low": 0.5, "high": 0.5}))
        self.assertEqual(repr(q), "Quantity('about 0.5%', percent ~0.5 % approx, "
                                  "span=(1234, 1254))")
        quote = claimtrack.Quote._from_json({"span": [5, 9], "text": "x" * 80,
                                             "speaker": None})
        self.assertEqual(repr(quote), "Quote('%s...', speaker=None, span=(5, 9))" % ("x" * 57))

    def test_fast_construction_matches_the_constructor(self):
        import dataclasses
        c = claimtrack.Claim._from_json(self.CONTRACT)
        self.assertEqual(set(vars(c)), {f.name for f in dataclasses.fields(claimtrack.Claim)})
        self.assertEqual(c, claimtrack.Claim(**vars(c)))
        q = claimtrack.Quote._from_json({"span": [1, 2], "text": "x", "speaker": None})
        self.assertEqual(q, claimtrack.Quote((1, 2), "x", None))

    def test_error_repr(self):
        e = ClaimtrackError(-4, "no such document")
        self.assertEqual(repr(e), "ClaimtrackError(ENOTFOUND, 'no such document')")
        self.assertEqual(str(e), "no such document")


class PackagingTest(unittest.TestCase):
    """The in-tree PEP 517 backend builds an installable wheel with no network."""

    def setUp(self):
        sys.path.insert(0, os.path.join(PYROOT, "_build"))
        self.addCleanup(sys.path.remove, os.path.join(PYROOT, "_build"))
        self.backend = importlib.import_module("claimtrack_build")
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def test_wheel_contents_and_record(self):
        b = self.backend
        self.assertEqual(b.get_requires_for_build_wheel(), [])
        name = b.build_wheel(self.tmp.name)
        self.assertEqual(name, "claimtrack-%s-py3-none-any.whl" % claimtrack.__version__)
        with zipfile.ZipFile(os.path.join(self.tmp.name, name)) as z:
            names = set(z.namelist())
            self.assertIn("claimtrack/__init__.py", names)
            self.assertFalse([n for n in names if "__pycache__" in n or n.startswith("tests")])
            dist_info = "claimtrack-%s.dist-info/" % claimtrack.__version__
            meta = z.read(dist_info + "METADATA").decode()
            self.assertIn("Name: claimtrack\n", meta)
            self.assertIn("Version: %s\n" % claimtrack.__version__, meta)
            self.assertIn("Root-Is-Purelib: true", z.read(dist_info + "WHEEL").decode())
            rows = [r.split(",") for r in z.read(dist_info + "RECORD").decode().splitlines()]
            self.assertEqual({r[0] for r in rows}, names)
            for path, digest, size in rows:
                if path.endswith("RECORD"):
                    continue
                data = z.read(path)
                want = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                self.assertEqual(digest, "sha256=" + want.decode())
                self.assertEqual(int(size), len(data))

    def test_sdist(self):
        import tarfile
        name = self.backend.build_sdist(self.tmp.name)
        with tarfile.open(os.path.join(self.tmp.name, name)) as t:
            names = t.getnames()
        root = name[:-len(".tar.gz")]
        for member in ("pyproject.toml", "PKG-INFO", "_build/claimtrack_build.py",
                       "claimtrack/__init__.py", "tests/test_claimtrack.py"):
            self.assertIn(root + "/" + member, names)

    def _venv(self):
        venv = os.path.join(self.tmp.name, "venv")
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True,
                       timeout=120)
        return venv, os.path.join(venv, "bin", "python")

    def _pip_install(self, python, *args):
        # the host's pip installs into the venv (pip >= 22.3): no network, no index
        r = subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "-q",
                            "--no-index", "--no-build-isolation", *args, PYROOT],
                           capture_output=True, text=True, timeout=300)
        if r.returncode != 0 and ("no such option: --python" in r.stderr
                                  or "No module named pip" in r.stderr):
            self.skipTest("the host pip cannot install into another interpreter")
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_pip_install_offline(self):
        lib = os.environ.get("CLAIMTRACK_LIBRARY")
        if not lib:
            self.skipTest("CLAIMTRACK_LIBRARY is not set")
        venv, python = self._venv()
        self._pip_install(python)
        # run from the temp dir, without PYTHONPATH: the installed copy is imported
        r = run_python("import claimtrack, os; print(os.path.dirname(claimtrack.__file__)); "
                       "print(claimtrack.extract_document('Title here\\n\\nText.'))",
                       env={"PYTHONPATH": None, "CLAIMTRACK_LIBRARY": lib}, python=python)
        self.assertEqual(r.returncode, 0, r.stderr)
        where, doc = r.stdout.splitlines()
        self.assertTrue(where.startswith(venv), where)
        self.assertTrue(doc.startswith("Document("), doc)

    def test_pip_install_with_the_library_bundled(self):
        lib = os.environ.get("CLAIMTRACK_LIBRARY")
        if not lib:
            self.skipTest("CLAIMTRACK_LIBRARY is not set")
        venv, python = self._venv()
        self._pip_install(python, "--config-settings", "bundle-library=" + lib)
        r = run_python("import claimtrack; print(claimtrack.library_path()); "
                       "print(claimtrack.library_version())",
                       env={"PYTHONPATH": None, "CLAIMTRACK_LIBRARY": None}, python=python)
        self.assertEqual(r.returncode, 0, r.stderr)
        path, version = r.stdout.splitlines()
        self.assertTrue(path.startswith(venv), path)
        self.assertEqual(version, claimtrack.__version__)


if __name__ == "__main__":
    unittest.main()
