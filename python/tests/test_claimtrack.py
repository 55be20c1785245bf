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

    def test_found_on_the_loader_path(self):
        import shutil
        lib = os.environ.get("CLAIMTRACK_LIBRARY")
        if not lib:
            self.skipTest("CLAIMTRACK_LIBRARY is not set")
        with tempfile.TemporaryDirectory() as tmp:
            # laid out as an install is: the linker name, the soname, the real file
            real = os.path.join(tmp, os.path.basename(os.path.realpath(lib)))
            shutil.copy(lib, real)
            version = os.path.basename(real).partition(".so.")[2]
            for name in ("libclaimtrack.so", "libclaimtrack.so." + version.split(".")[0]):
                if not os.path.exists(os.path.join(tmp, name)):
                    os.symlink(os.path.basename(real), os.path.join(tmp, name))
            r = run_python("import claimtrack; print(claimtrack.library_path()); "
                           "print(claimtrack.library_version())",
                           env={"CLAIMTRACK_LIBRARY": None, "LD_LIBRARY_PATH": tmp})
        self.assertEqual(r.returncode, 0, r.stderr)
        path, version = r.stdout.split()
        self.assertIn("claimtrack", path)
        self.assertEqual(version, claimtrack.__version__)

    def test_a_library_that_is_not_claimtrack_is_refused(self):
        import ctypes.util
        other = ctypes.util.find_library("m") or ctypes.util.find_library("c")
        if not other:
            self.skipTest("no other shared library to try")
        r = run_python("import claimtrack\n"
                       "try:\n"
                       "    claimtrack.extract('x')\n"
                       "except claimtrack.ClaimtrackError as e:\n"
                       "    print(e)\n", env={"CLAIMTRACK_LIBRARY": other})
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("not libclaimtrack", r.stdout)

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
        text = read(SEEDS[0])
        for _ in range(100):
            claimtrack.extract_document(text)
        gc.collect()
        before = _rss_kb()
        if before is None:
            self.skipTest("no /proc/self/statm")
        for _ in range(2000):
            claimtrack.extract_document(text)
        gc.collect()
        # a leaked JSON string or document per call would be megabytes
        self.assertLess(_rss_kb() - before, 1024)


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
        o = claimtrack.Origin(3, "DeepSeek", claimtrack.Claim._from_json(self.CONTRACT), 4, 4, 3)
        self.assertEqual(repr(o), "Origin('DeepSeek', 4 reports in 4 documents (3 independent), "
                                  "first='less than $6 million')")
        o = claimtrack.Origin(3, "SemiAnalysis", o.first, 1, 1, 1)
        self.assertIn("1 report in 1 document ", repr(o))

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


def _open_fds():
    try:
        return len(os.listdir("/proc/self/fd"))
    except OSError:
        return None


class StoreTest(unittest.TestCase):
    """The store: a round trip, filters, relations, origins, checks, errors, lifetimes."""

    @classmethod
    def setUpClass(cls):
        # the seeds, ingested once into a file store shared by the read-only tests
        cls.tmp = tempfile.TemporaryDirectory()
        cls.db = os.path.join(cls.tmp.name, "seeds.db")
        cls.texts = {p: read(p) for p in SEEDS}
        with claimtrack.Store(cls.db) as store:
            cls.ids = {p: store.ingest_file(p).id for p in SEEDS}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.store = claimtrack.Store(self.db, readonly=True)
        self.addCleanup(self.store.close)

    def test_round_trip(self):
        text = self.texts[SEEDS[0]]
        with claimtrack.Store(":memory:") as store:
            first = store.ingest(text, source="Business Insider", url="https://example.com/a",
                                 published="2025-01-31", title="A title", file="a.txt")
            self.assertIsInstance(first, claimtrack.Ingested)
            self.assertTrue(first.new)
            self.assertGreater(first.id, 0)
            again = store.ingest(text, source="Business Insider")
            self.assertEqual(again, (first.id, False))
            stored = list(store.claims(document=first.id))
            want = claimtrack.extract(text)
            self.assertEqual([(c.span, c.text, c.kind, c.value, c.unit, c.bound, c.direction,
                               c.speaker and c.speaker.name, c.hedged, c.sentence)
                              for c in stored],
                             [(c.span, c.text, c.kind, c.value, c.unit, c.bound, c.direction,
                               c.speaker and c.speaker.name, c.hedged, c.sentence)
                              for c in want])
            for c in stored:
                self.assertGreater(c.id, 0)
                self.assertEqual(c.document, first.id)
                self.assertEqual(c.file, "a.txt")
                self.assertEqual(list(store.claims(id=c.id)), [c])
                self.assertEqual(store.claim(c.id), c)
            with self.assertRaises(ClaimtrackError) as cm:
                store.claim(10 ** 6)
            self.assertEqual(cm.exception.name, "ENOTFOUND")
            docs = list(store.documents())
            self.assertEqual(len(docs), 1)
            d = docs[0]
            self.assertEqual((d.id, d.file, d.source, d.url, d.published, d.title, d.claims),
                             (first.id, "a.txt", "Business Insider", "https://example.com/a",
                              "2025-01-31", "A title", len(want)))
            self.assertEqual(d.sha256, hashlib.sha256(text).hexdigest())
            self.assertIsNone(d.text)
            full = store.document(first.id)
            self.assertEqual(full.text, text)
            self.assertIn("A title", repr(full))

    def test_persists_and_reopens_read_only(self):
        claims = list(self.store.claims())
        self.assertEqual(len(claims), sum(len(claimtrack.extract(t))
                                          for t in self.texts.values()))
        self.assertEqual([d.file for d in self.store.documents()], SEEDS)
        with self.assertRaises(ClaimtrackError) as cm:
            self.store.ingest("Sales rose 5% in 2024, the company said.")
        self.assertEqual(cm.exception.name, "EREADONLY")
        self.assertGreater(self.store.schema_version, 0)

    def test_a_rewrite_is_not_independent(self):
        """003 rewrites 002 (shared/eval/seeds.gold.json): the store says so, and their
        agreement does not count as independent corroboration."""
        docs = {os.path.basename(d.file)[:3]: d for d in self.store.documents()}
        self.assertEqual(docs["003"].derived_from, docs["002"].id)
        self.assertTrue(0 < docs["003"].similarity <= 1)
        self.assertIsNone(docs["000"].derived_from)
        for r in self.store.relations():
            pair = {r.a.document, r.b.document}
            self.assertEqual(r.independent, pair != {docs["002"].id, docs["003"].id}, r)

    def test_filters(self):
        everything = list(self.store.claims())
        self.assertTrue(everything)
        for kind in ("money", "ratio"):
            got = list(self.store.claims(kind=kind))
            self.assertEqual(got, [c for c in everything if c.kind == kind])
        doc = self.ids[SEEDS[1]]
        self.assertEqual(list(self.store.claims(document=doc)),
                         [c for c in everything if c.document == doc])
        speakers = {c.speaker.name for c in everything if c.speaker}
        name = sorted(speakers)[0]
        got = list(self.store.claims(speaker=name.upper()))
        self.assertEqual(got, [c for c in everything
                               if c.speaker and c.speaker.name.lower() == name.lower()])
        entities = sorted({c.entity for c in everything if c.entity})
        if entities:
            got = list(self.store.claims(entity=entities[0]))
            self.assertTrue(got)
            self.assertTrue(all(c.entity.lower() == entities[0].lower() for c in got))
        got = list(self.store.claims(search="training"))
        self.assertTrue(got)
        for c in got:
            sentence = self.texts[c.file][c.sentence[0]:c.sentence[1]].decode("utf-8")
            self.assertIn("training", sentence.lower())
        self.assertEqual(list(self.store.claims(kind="money", search="nothing-like-this")), [])
        with self.assertRaises(TypeError):
            self.store.claims(colour="red")
        with self.assertRaises(ClaimtrackError) as cm:
            self.store.claims(kind="weight")
        self.assertEqual(cm.exception.name, "EINVAL")
        self.assertIn("'weight'", str(cm.exception))

    def test_claims_is_a_lazy_generator(self):
        import types
        gen = self.store.claims()
        self.assertIsInstance(gen, types.GeneratorType)
        first = next(gen)
        self.assertIsInstance(first, claimtrack.Claim)
        gen.close()  # frees the iterator early

    def test_relations(self):
        rels = list(self.store.relations())
        self.assertTrue(rels, "the seeds relate: they all report DeepSeek's $6 million")
        by_id = {c.id: c for c in self.store.claims()}
        for r in rels:
            self.assertIn(r.type, ("corroborates", "contradicts"))
            self.assertNotEqual(r.a.document, r.b.document)
            self.assertEqual(by_id[r.a.id].span, r.a.span)
            self.assertTrue(0 <= r.score <= 1)
            self.assertIsInstance(r.independent, bool)
        types_ = {r.type for r in rels}
        for t in types_:
            self.assertEqual(list(self.store.relations(type=t)),
                             [r for r in rels if r.type == t])
        claim = rels[0].a
        mine = list(self.store.relations(claim=claim))
        self.assertTrue(mine)
        self.assertTrue(all(r.a.id == claim.id for r in mine))
        self.assertEqual(mine, list(self.store.relations(claim=claim.id)))
        with self.assertRaises(ClaimtrackError):
            self.store.relations(type="agrees")
        with self.assertRaises(TypeError):
            self.store.relations(claim="12")

    @unittest.skipUnless(CLI, "CLAIMTRACK_CLI is not set")
    def test_example_finds_the_relations_the_cli_finds(self):
        def pairs(lines):
            out = set()
            for line in lines.splitlines():
                r = json.loads(line)
                a, b = ((os.path.basename(x["file"]), tuple(x["span"])) for x in (r["a"], r["b"]))
                out.add((r["type"],) + tuple(sorted((a, b))))
            return out

        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "cli.db")
            r = subprocess.run([CLI, "ingest", "--db", db, *SEEDS], capture_output=True,
                               text=True)
            if r.returncode == 2:
                self.skipTest("this CLI has no ingest command")
            self.assertEqual(r.returncode, 0, r.stderr)
            cli = subprocess.run([CLI, "relations", "--db", db, "--json"], capture_output=True,
                                 text=True, check=True).stdout
        example = os.path.join(SOURCE_DIR, "examples", "python_relations.py")
        ours = subprocess.run([sys.executable, example, "--json", *SEEDS], capture_output=True,
                              text=True, timeout=120)
        self.assertEqual(ours.returncode, 0, ours.stderr)
        self.assertTrue(pairs(cli))
        self.assertEqual(pairs(ours.stdout), pairs(cli))

    def test_origins(self):
        origins = list(self.store.origins())
        self.assertTrue(origins)
        for o in origins:
            reports = list(self.store.claims(origin=o.id))
            self.assertEqual(len(reports), o.reports)
            self.assertTrue(all(c.origin == o.id for c in reports))
            self.assertEqual(len({c.document for c in reports}), o.documents)
            self.assertIn(o.first, reports)
            self.assertLessEqual(o.independent_documents, o.documents)
        repeated = list(self.store.origins(repeated=True))
        self.assertEqual(repeated, [o for o in origins if o.documents > 1])
        c = repeated[0].first
        self.assertEqual([o.id for o in self.store.origins(claim=c)], [c.origin])

    def test_check(self):
        checked = self.store.check("DeepSeek said it spent less than $6 million on training "
                                   "its model.")
        self.assertEqual(len(checked), 1)
        ch = checked[0]
        self.assertIn("$6 million", ch.claim.text)
        self.assertIsNone(ch.claim.id)
        self.assertIn(ch.verdict, ("unknown", "corroborated", "contradicted", "disputed"))
        for m in ch.matches:
            self.assertEqual(m.a.span, ch.claim.span)
            self.assertIsNotNone(m.b.id)
        self.assertEqual(self.store.check(""), [])
        self.assertIn("1 match" if len(ch.matches) == 1 else "%d matches" % len(ch.matches),
                      repr(ch))

    def test_check_gives_the_verdict_a_reader_expects(self):
        """Four articles report DeepSeek's training cost as under $6 million."""
        agree = self.store.check("DeepSeek said that it spent less than $6 million on "
                                 "official training for its model.")
        self.assertEqual([c.verdict for c in agree], ["corroborated"])
        self.assertTrue(all(m.type == "corroborates" for m in agree[0].matches))
        self.assertGreaterEqual(len({m.b.document for m in agree[0].matches}), 2)
        disagree = self.store.check("DeepSeek said that it spent $60 million on official "
                                    "training for its model.")
        self.assertEqual([c.verdict for c in disagree], ["contradicted"])

    def test_sources(self):
        sources = list(self.store.sources())
        docs = list(self.store.documents())
        self.assertEqual(sorted(s.name for s in sources),
                         sorted({d.source for d in docs if d.source}))
        for s in sources:
            self.assertEqual(s.documents, sum(1 for d in docs if d.source == s.name))
            self.assertEqual(s.claims, sum(d.claims for d in docs if d.source == s.name))
            self.assertEqual(list(self.store.claims(source=s.name.upper())),
                             [c for c in self.store.claims()
                              if c.document in {d.id for d in docs if d.source == s.name}])

    def test_errors(self):
        with self.assertRaises(ClaimtrackError) as cm:
            claimtrack.Store(os.path.join(self.tmp.name, "no", "such", "dir", "x.db"))
        self.assertTrue(str(cm.exception))
        missing = os.path.join(self.tmp.name, "missing.db")
        with self.assertRaises(ClaimtrackError) as cm:
            claimtrack.Store(missing, create=False)
        self.assertEqual(cm.exception.name, "ENOTFOUND")
        self.assertFalse(os.path.exists(missing))
        notdb = os.path.join(self.tmp.name, "not-a-db.db")
        with open(notdb, "wb") as f:
            f.write(b"this is not an SQLite file, " * 100)
        with self.assertRaises(ClaimtrackError) as cm:
            claimtrack.Store(notdb)
        with claimtrack.Store() as store:
            with self.assertRaises(ClaimtrackError) as cm:
                store.ingest(b"Sales rose 5% to \xe2\x82 in 2024.")
            self.assertEqual(str(cm.exception), "invalid UTF-8 at byte 17")
            with self.assertRaises(ClaimtrackError) as cm:
                store.ingest_file(missing)
            self.assertEqual(cm.exception.name, "ENOTFOUND")
            self.assertIn(missing, str(cm.exception))
            with self.assertRaises(ClaimtrackError):
                store.ingest_file(self.tmp.name)
            with self.assertRaises(ClaimtrackError) as cm:
                store.document(424242)
            self.assertEqual(cm.exception.name, "ENOTFOUND")
            self.assertEqual(list(store.documents()), [])
            with self.assertRaises(TypeError):
                store.ingest(42)
            with self.assertRaises(TypeError):
                store.ingest("x", source=3)
            with self.assertRaises(ClaimtrackError) as cm:
                store.relations(claim=0)
            self.assertEqual(cm.exception.name, "EINVAL")
            with self.assertRaises(ClaimtrackError) as cm:
                store.origins(claimtrack.extract("DeepSeek spent $5 million, it said.")[0])
            self.assertIn("not read from a store", str(cm.exception))
            self.assertEqual(list(store.relations(claim=10 ** 9)), [])
        with self.assertRaises(TypeError):
            claimtrack.Store(None)

    def test_closed_store(self):
        store = claimtrack.Store()
        self.assertIn("':memory:'", repr(store))
        store.close()
        store.close()  # twice is fine
        self.assertTrue(store.closed)
        self.assertIn("closed", repr(store))
        for call in (lambda: store.ingest("x"), lambda: store.claims(),
                     lambda: store.relations(), lambda: store.origins(),
                     lambda: store.documents(), lambda: store.check("x"),
                     lambda: store.schema_version, lambda: store.document(1),
                     lambda: store.ingest_file(SEEDS[0])):
            with self.assertRaises(ClaimtrackError) as cm:
                call()
            self.assertIn("closed", str(cm.exception))
        with self.assertRaises(ClaimtrackError):
            with store:
                pass

    def test_close_in_the_middle_of_a_loop(self):
        store = claimtrack.Store(self.db, readonly=True)
        gen = store.claims()
        next(gen)
        store.close()
        with self.assertRaises(ClaimtrackError):
            next(gen)

    def test_dropped_stores_are_closed(self):
        """Stores dropped without close(), some in the middle of a listing, free their
        SQLite handle: the process's open files come back to where they were."""
        # no other connection to the file: SQLite defers closing a file's descriptors while
        # another connection of the process holds a lock on it
        self.store.close()
        before = _open_fds()
        if before is None:
            self.skipTest("no /proc/self/fd")
        for i in range(300):
            store, gen = claimtrack.Store(self.db, readonly=True), None
            if i % 3 == 0:
                gen = store.claims()
                next(gen)
            elif i % 3 == 1:
                gen = store.relations()  # never started
            del store, gen
        gc.collect()
        self.assertLessEqual(_open_fds(), before)
        # and a store whose listing is kept alive stays open until the listing goes
        store = claimtrack.Store(self.db, readonly=True)
        gen = store.claims()
        next(gen)
        del store
        gc.collect()
        self.assertIsInstance(next(gen), claimtrack.Claim)
        del gen
        gc.collect()
        self.assertLessEqual(_open_fds(), before)


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
                           cwd=self.tmp.name,
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

    def test_pip_install_editable(self):
        lib = os.environ.get("CLAIMTRACK_LIBRARY")
        if not lib:
            self.skipTest("CLAIMTRACK_LIBRARY is not set")
        venv, python = self._venv()
        self._pip_install(python, "--editable")
        r = run_python("import claimtrack; print(claimtrack.__file__)",
                       env={"PYTHONPATH": None, "CLAIMTRACK_LIBRARY": lib}, python=python)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.strip(), os.path.join(PYROOT, "claimtrack", "__init__.py"))

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
