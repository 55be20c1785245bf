#!/usr/bin/env python3
"""Who else reports this, and do they agree? The Python API's answer for a set of
articles (by default the four seed articles in data/samples/):

    CLAIMTRACK_LIBRARY=build/lib/libclaimtrack.so python3 examples/python_relations.py
    ... --json          one relation per line, as `claimtrack relations --json` prints them
    ... --db claims.db  keep the store (default: a throwaway one in memory)

It ingests every file, then lists the relations between claims of different documents
(corroborates / contradicts), the origins that several documents repeat, and the documents
that rewrite another.
"""

import argparse
import glob
import json
import os
import signal
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "python"))  # run from a source tree

import claimtrack  # noqa: E402


def side(claim):
    return {"file": claim.file, "span": list(claim.span), "text": claim.text}


def main():
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends us quietly
    ap = argparse.ArgumentParser(description="relations between the claims of articles")
    ap.add_argument("files", nargs="*", help="articles (default: data/samples/*.txt)")
    ap.add_argument("--db", default=":memory:", help="the store (default: in memory)")
    ap.add_argument("--json", action="store_true", help="one JSON relation per line")
    args = ap.parse_args()
    files = args.files or sorted(
        glob.glob(os.path.join(os.path.dirname(HERE), "data", "samples", "*.txt")))
    if not files:
        ap.error("no files")

    try:
        with claimtrack.Store(args.db) as store:
            for path in files:
                store.ingest_file(path)
            relations = list(store.relations())
            origins = list(store.origins(repeated=True))
            documents = {d.id: d for d in store.documents()}
    except claimtrack.ClaimtrackError as e:
        print("python_relations: %s" % e, file=sys.stderr)
        return 1

    if args.json:
        for rel in relations:
            print(json.dumps({"type": rel.type, "a": side(rel.a), "b": side(rel.b)},
                             ensure_ascii=False))
        return 0

    for rel in relations:
        print("%-13s %s %r  <->  %s %r%s" % (
            rel.type, os.path.basename(rel.a.file or "?"), rel.a.text,
            os.path.basename(rel.b.file or "?"), rel.b.text,
            "" if rel.independent is not False else "  (not independent)"))
        if rel.reason:
            print("              %s" % rel.reason)
    for origin in origins:
        print("origin: %s, %d reports in %d documents (%d independent): %r" % (
            origin.label, origin.reports, origin.documents, origin.independent_documents,
            origin.first.text))
    for doc in documents.values():
        if doc.derived_from:
            print("derived: %s rewrites %s (similarity %.2f)" % (
                os.path.basename(doc.file or "?"),
                os.path.basename(documents[doc.derived_from].file or "?"), doc.similarity))
    return 0


if __name__ == "__main__":
    sys.exit(main())
