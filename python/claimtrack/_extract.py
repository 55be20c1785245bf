"""Extraction: one ct_extract() call, then the document as JSON in one string.

Reading the document through ct_doc_to_json and the json module costs one foreign call per
document instead of some twenty per claim, which keeps the wrapper within a small factor of
the C library (bench/bench_python.py)."""

import ctypes
import json

from . import _lib
from ._lib import lib, take_string
from ._types import Claim, Document, Quantity, Quote

__all__ = ["extract", "extract_document", "library_version", "to_bytes"]


def to_bytes(text, what="text"):
    """str -> UTF-8 bytes (lone surrogates are kept, so the library reports them as invalid
    UTF-8 with their byte offset); bytes-like objects pass as they are."""
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("%s must be str or bytes, not %s" % (what, type(text).__name__))


def _doc_json(doc, flags):
    out = ctypes.c_void_p()
    lib().ct_doc_to_json(ctypes.byref(out), doc, None, flags)
    return json.loads(take_string(out))


def _extract(text, replace_invalid, quantities):
    data = to_bytes(text)
    L = lib()
    doc = _lib.DocP()
    flags = _lib.CT_EXTRACT_REPLACE_INVALID if replace_invalid else 0
    L.ct_extract(ctypes.byref(doc), data, len(data), flags)
    try:
        full = _doc_json(doc, 0)
        qs = _doc_json(doc, _lib.CT_JSON_QUANTITIES)["quantities"] if quantities else None
    finally:
        L.ct_doc_free(doc)
    return data, full, qs


def extract(text, *, replace_invalid=False):
    """The claims of one document, in text order, as a list of :class:`Claim`.

    ``text`` is a str or UTF-8 bytes. Invalid UTF-8 raises :class:`ClaimtrackError`
    (EINVAL, with the byte offset) unless ``replace_invalid`` is true, in which case the bad
    bytes read as U+FFFD (spans still index the bytes given).
    """
    _, full, _ = _extract(text, replace_invalid, False)
    return [Claim._from_json(o) for o in full["claims"]]


def extract_document(text, *, replace_invalid=False):
    """Everything extracted from one text, as a :class:`Document`: claims, every quantity
    recognised, quotes with their speakers, and the metadata found in the text."""
    data, full, qs = _extract(text, replace_invalid, True)
    return Document(tuple(Claim._from_json(o) for o in full["claims"]),
                    tuple(Quantity._from_json(o) for o in qs),
                    tuple(Quote._from_json(o) for o in full["quotes"]),
                    dict(full.get("meta") or {}), data)


def library_version():
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return lib().ct_version().decode("ascii")
