"""Extraction: one ct_extract() call, then the claims through their getters.

A claim costs some twenty foreign calls of half a microsecond; going through
ct_claim_to_json and the json module instead is a third slower (jansson's output, then the
parse), so extract() uses the getters (bench/bench_python.py measures the whole). For
extract_document(), which also wants every quantity and quote, one ct_doc_to_json string
per list is simpler and as fast."""

import ctypes
import json

from . import _lib
from ._lib import lib, take_string
from ._types import Claim, Document, Quantity, Quote, Speaker, Value, make

__all__ = ["claim_from", "extract", "extract_document", "library_version", "to_bytes"]


def to_bytes(text, what="text"):
    """str -> UTF-8 bytes (lone surrogates are kept, so the library reports them as invalid
    UTF-8 with their byte offset); bytes-like objects pass as they are."""
    if isinstance(text, str):
        return text.encode("utf-8", "surrogatepass")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError("%s must be str or bytes, not %s" % (what, type(text).__name__))


_enum_names = {}


def _enum_name(fn_name, code):
    """The library's name for an enum value ("money", "upper", "less" or None), cached."""
    key = (fn_name, code)
    try:
        return _enum_names[key]
    except KeyError:
        name = getattr(lib(), fn_name)(code)
        name = _enum_names[key] = None if name is None else name.decode("ascii")
        return name


def _str(b):
    return None if b is None else b.decode("utf-8", "replace")


def claim_from(c, extra=None):
    """A Claim from a borrowed ct_claim (a document's, a store's or a relation's); extra
    fields (id, document, origin, file) are set from the dict ``extra``."""
    L = lib()
    name = L.ct_claim_speaker(c)
    speaker = None
    if name is not None:
        speaker = Speaker(name.decode("utf-8", "replace"), _str(L.ct_claim_speaker_kind(c)),
                          _str(L.ct_claim_speaker_role(c)), _str(L.ct_claim_speaker_org(c)))
    unit = L.ct_claim_unit(c)
    values = {
        "span": (L.ct_claim_start(c), L.ct_claim_end(c)),
        "text": L.ct_claim_text(c).decode("utf-8", "replace"),
        "kind": _enum_name("ct_kind_name", L.ct_claim_kind(c)),
        "value": Value(L.ct_claim_low(c) if L.ct_claim_has_low(c) else None,
                       L.ct_claim_high(c) if L.ct_claim_has_high(c) else None),
        "unit": unit.decode("utf-8", "replace") if unit else None,
        "bound": _enum_name("ct_bound_name", L.ct_claim_bound(c)),
        "direction": _enum_name("ct_direction_name", L.ct_claim_direction(c)),
        "speaker": speaker,
        "hedged": bool(L.ct_claim_hedged(c)),
        "subject": _str(L.ct_claim_subject(c)),
        "entity": _str(L.ct_claim_entity(c)),
        "sentence": (L.ct_claim_sentence_start(c), L.ct_claim_sentence_end(c)),
        "hedge_cue": _str(L.ct_claim_hedge_cue(c)),
        "terms": L.ct_claim_terms(c).decode("utf-8", "replace"),
        "id": None, "file": None, "document": None, "origin": None,
    }
    if extra:
        values.update(extra)
    return make(Claim, values)


def _doc_json(doc, flags):
    out = ctypes.c_void_p()
    lib().ct_doc_to_json(ctypes.byref(out), doc, None, flags)
    return json.loads(take_string(out))


def _extract(text, replace_invalid, read):
    """read(L, doc, data) on the extracted document, which is freed afterwards."""
    data = to_bytes(text)
    L = lib()
    doc = _lib.DocP()
    flags = _lib.CT_EXTRACT_REPLACE_INVALID if replace_invalid else 0
    L.ct_extract(ctypes.byref(doc), data, len(data), flags)
    try:
        return read(L, doc, data)
    finally:
        L.ct_doc_free(doc)


def _claims(L, doc, data):
    return [claim_from(L.ct_doc_claim(doc, i)) for i in range(L.ct_doc_claim_count(doc))]


def _document(L, doc, data):
    full = _doc_json(doc, 0)
    qs = _doc_json(doc, _lib.CT_JSON_QUANTITIES)["quantities"]
    return Document(tuple(Claim._from_json(o) for o in full["claims"]),
                    tuple(Quantity._from_json(o) for o in qs),
                    tuple(Quote._from_json(o) for o in full["quotes"]),
                    dict(full.get("meta") or {}), data)


def extract(text, *, replace_invalid=False):
    """The claims of one document, in text order, as a list of :class:`Claim`.

    ``text`` is a str or UTF-8 bytes. Invalid UTF-8 raises :class:`ClaimtrackError`
    (EINVAL, with the byte offset) unless ``replace_invalid`` is true, in which case the bad
    bytes read as U+FFFD (spans still index the bytes given).
    """
    return _extract(text, replace_invalid, _claims)


def extract_document(text, *, replace_invalid=False):
    """Everything extracted from one text, as a :class:`Document`: claims, every quantity
    recognised, quotes with their speakers, and the metadata found in the text."""
    return _extract(text, replace_invalid, _document)


def library_version():
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return lib().ct_version().decode("ascii")
