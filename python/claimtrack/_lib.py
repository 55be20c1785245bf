"""Loading libclaimtrack and declaring its functions (STYLE.md section 9).

The library is loaded on first use, never at import, from the first of:

1. the ``CLAIMTRACK_LIBRARY`` environment variable (a path to the shared library);
2. a ``libclaimtrack`` shared library in this package's directory (a bundled wheel);
3. the system loader's search path (``ctypes.util.find_library("claimtrack")``).

Every function is declared once, with its argument and result types, in ``_PROTOTYPES``.
Functions returning a status code get ``errcheck=_check``, which turns a negative code into
:class:`ClaimtrackError` carrying ``ct_errmsg()``; ``errcheck`` runs on the calling thread,
and the message is thread-local in the library, so the message is the call's own.
"""

import ctypes
import ctypes.util
import os
import threading

__all__ = ["ClaimtrackError", "lib", "library_path", "take_string"]

# Error codes of include/claimtrack/errors.h.
CT_OK = 0
CT_ERROR = -1
CT_ENOMEM = -2
CT_EINVAL = -3
CT_ENOTFOUND = -4
CT_EEXISTS = -5
CT_EBUSY = -6
CT_EREADONLY = -7
CT_ECORRUPT = -8
CT_EFULL = -9
CT_ITEROVER = -31

_CODE_NAMES = {
    CT_ERROR: "ERROR", CT_ENOMEM: "ENOMEM", CT_EINVAL: "EINVAL", CT_ENOTFOUND: "ENOTFOUND",
    CT_EEXISTS: "EEXISTS", CT_EBUSY: "EBUSY", CT_EREADONLY: "EREADONLY",
    CT_ECORRUPT: "ECORRUPT", CT_EFULL: "EFULL", CT_ITEROVER: "ITEROVER",
}

# Flags.
CT_EXTRACT_REPLACE_INVALID = 0x1
CT_JSON_QUANTITIES = 0x1


class ClaimtrackError(Exception):
    """An error reported by libclaimtrack (or by this wrapper on its behalf).

    ``code`` is the library's negative ``CT_E*`` code, ``name`` its short name
    (``"EINVAL"``), and ``message`` the one-line text of ``ct_errmsg()``; ``str(err)`` is
    the message.
    """

    def __init__(self, code, message):
        super().__init__(code, message)
        self.code = code
        self.message = message

    @property
    def name(self):
        return _CODE_NAMES.get(self.code, "E%d" % -self.code if self.code < 0 else str(self.code))

    def __str__(self):
        return self.message

    def __repr__(self):
        return "ClaimtrackError(%s, %r)" % (self.name, self.message)


# Opaque handles, typed so that ctypes refuses to mix them up.
class _Doc(ctypes.Structure):
    pass


class _Claim(ctypes.Structure):
    pass


class _Quote(ctypes.Structure):
    pass


class _Store(ctypes.Structure):
    pass


class _ClaimIter(ctypes.Structure):
    pass


class _RelIter(ctypes.Structure):
    pass


class _Relation(ctypes.Structure):
    pass


class _OriginIter(ctypes.Structure):
    pass


class _Origin(ctypes.Structure):
    pass


class _DocumentIter(ctypes.Structure):
    pass


class _Document(ctypes.Structure):
    pass


class _SourceIter(ctypes.Structure):
    pass


class _Source(ctypes.Structure):
    pass


class _Check(ctypes.Structure):
    pass


DocP = ctypes.POINTER(_Doc)
ClaimP = ctypes.POINTER(_Claim)
QuoteP = ctypes.POINTER(_Quote)
StoreP = ctypes.POINTER(_Store)
ClaimIterP = ctypes.POINTER(_ClaimIter)
RelIterP = ctypes.POINTER(_RelIter)
RelationP = ctypes.POINTER(_Relation)
OriginIterP = ctypes.POINTER(_OriginIter)
OriginP = ctypes.POINTER(_Origin)
DocumentIterP = ctypes.POINTER(_DocumentIter)
DocumentP = ctypes.POINTER(_Document)
SourceIterP = ctypes.POINTER(_SourceIter)
SourceP = ctypes.POINTER(_Source)
CheckP = ctypes.POINTER(_Check)

# store.h's versioned structs and flags.
CT_OPEN_READONLY = 0x1
CT_OPEN_NOCREATE = 0x2
CT_INGEST_META_VERSION = 1
CT_CLAIM_FILTER_VERSION = 1


class IngestMeta(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("file", ctypes.c_char_p),
                ("source", ctypes.c_char_p), ("url", ctypes.c_char_p),
                ("published", ctypes.c_char_p), ("title", ctypes.c_char_p)]


class ClaimFilter(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint), ("source", ctypes.c_char_p),
                ("speaker", ctypes.c_char_p), ("kind", ctypes.c_int),
                ("entity", ctypes.c_char_p), ("search", ctypes.c_char_p),
                ("claim_id", ctypes.c_int64), ("doc_id", ctypes.c_int64),
                ("origin_id", ctypes.c_int64)]


def _check(rc, func, args):
    """errcheck for every function that returns a status code."""
    if rc < 0 and rc != CT_ITEROVER:
        raise ClaimtrackError(rc, _message(rc))
    return rc


def _message(rc):
    msg = _errmsg()
    if not msg:
        msg = _errstr(rc)
    return msg.decode("utf-8", "replace") if msg else "error %d" % rc


# Filled in by _load(): ct_errmsg and ct_errstr, used by _check.
_errmsg = None
_errstr = None

_c = ctypes
_int, _size, _dbl, _str, _vp, _uint, _i64 = _c.c_int, _c.c_size_t, _c.c_double, \
    _c.c_char_p, _c.c_void_p, _c.c_uint, _c.c_int64
_PP = _c.POINTER

# name: (restype, argtypes, checked). Strings the library allocates come back through a
# c_void_p out-parameter and are freed with ct_free (take_string); borrowed strings are
# c_char_p. Store functions are declared when the library has them.
_PROTOTYPES = {
    # common.h, errors.h
    "ct_version": (_str, [], False),
    "ct_free": (None, [_vp], False),
    "ct_errmsg": (_str, [], False),
    "ct_errstr": (_str, [_int], False),
    # extract.h
    "ct_extract": (_int, [_PP(DocP), _str, _size, _uint], True),
    "ct_doc_free": (None, [DocP], False),
    "ct_doc_claim_count": (_size, [DocP], False),
    "ct_doc_claim": (ClaimP, [DocP, _size], False),
    "ct_doc_quantity_count": (_size, [DocP], False),
    "ct_doc_quote_count": (_size, [DocP], False),
    "ct_doc_meta": (_str, [DocP, _int], False),
    "ct_doc_to_json": (_int, [_PP(_vp), DocP, _str, _uint], True),
    "ct_claim_start": (_size, [ClaimP], False),
    "ct_claim_end": (_size, [ClaimP], False),
    "ct_claim_text": (_str, [ClaimP], False),
    "ct_claim_kind": (_int, [ClaimP], False),
    "ct_claim_has_low": (_int, [ClaimP], False),
    "ct_claim_low": (_dbl, [ClaimP], False),
    "ct_claim_has_high": (_int, [ClaimP], False),
    "ct_claim_high": (_dbl, [ClaimP], False),
    "ct_claim_unit": (_str, [ClaimP], False),
    "ct_claim_bound": (_int, [ClaimP], False),
    "ct_claim_direction": (_int, [ClaimP], False),
    "ct_claim_sentence_start": (_size, [ClaimP], False),
    "ct_claim_sentence_end": (_size, [ClaimP], False),
    "ct_claim_speaker": (_str, [ClaimP], False),
    "ct_claim_speaker_kind": (_str, [ClaimP], False),
    "ct_claim_speaker_role": (_str, [ClaimP], False),
    "ct_claim_speaker_org": (_str, [ClaimP], False),
    "ct_claim_hedged": (_int, [ClaimP], False),
    "ct_claim_hedge_cue": (_str, [ClaimP], False),
    "ct_claim_subject": (_str, [ClaimP], False),
    "ct_claim_entity": (_str, [ClaimP], False),
    "ct_claim_terms": (_str, [ClaimP], False),
    "ct_kind_name": (_str, [_int], False),
    "ct_bound_name": (_str, [_int], False),
    "ct_direction_name": (_str, [_int], False),
    # store.h
    "ct_store_open": (_int, [_PP(StoreP), _str, _uint], True),
    "ct_store_close": (None, [StoreP], False),
    "ct_store_schema_version": (_int, [StoreP, _PP(_int)], True),
    "ct_store_ingest": (_int, [StoreP, _str, _size, _PP(IngestMeta), _uint, _PP(_i64),
                               _PP(_int)], True),
    "ct_claim_iter_new": (_int, [_PP(ClaimIterP), StoreP, _PP(ClaimFilter)], True),
    "ct_claim_iter_next": (_int, [_PP(ClaimP), ClaimIterP], True),
    "ct_claim_iter_free": (None, [ClaimIterP], False),
    "ct_claim_id": (_i64, [ClaimP], False),
    "ct_claim_doc_id": (_i64, [ClaimP], False),
    "ct_claim_origin_id": (_i64, [ClaimP], False),
    "ct_claim_file": (_str, [ClaimP], False),
    "ct_relation_iter_new": (_int, [_PP(RelIterP), StoreP, _i64, _int], True),
    "ct_relation_iter_next": (_int, [_PP(RelationP), RelIterP], True),
    "ct_relation_iter_free": (None, [RelIterP], False),
    "ct_relation_kind": (_int, [RelationP], False),
    "ct_relation_type_name": (_str, [_int], False),
    "ct_relation_a": (ClaimP, [RelationP], False),
    "ct_relation_b": (ClaimP, [RelationP], False),
    "ct_relation_score": (_dbl, [RelationP], False),
    "ct_relation_reason": (_str, [RelationP], False),
    "ct_relation_independent": (_int, [RelationP], False),
    "ct_origin_iter_new": (_int, [_PP(OriginIterP), StoreP, _i64, _uint], True),
    "ct_origin_iter_next": (_int, [_PP(OriginP), OriginIterP], True),
    "ct_origin_iter_free": (None, [OriginIterP], False),
    "ct_origin_id": (_i64, [OriginP], False),
    "ct_origin_label": (_str, [OriginP], False),
    "ct_origin_first": (ClaimP, [OriginP], False),
    "ct_origin_report_count": (_i64, [OriginP], False),
    "ct_origin_document_count": (_i64, [OriginP], False),
    "ct_origin_independent_count": (_i64, [OriginP], False),
    "ct_document_iter_new": (_int, [_PP(DocumentIterP), StoreP], True),
    "ct_document_iter_next": (_int, [_PP(DocumentP), DocumentIterP], True),
    "ct_document_iter_free": (None, [DocumentIterP], False),
    "ct_document_id": (_i64, [DocumentP], False),
    "ct_document_file": (_str, [DocumentP], False),
    "ct_document_source": (_str, [DocumentP], False),
    "ct_document_url": (_str, [DocumentP], False),
    "ct_document_published": (_str, [DocumentP], False),
    "ct_document_title": (_str, [DocumentP], False),
    "ct_document_ingested": (_str, [DocumentP], False),
    "ct_document_sha256": (_str, [DocumentP], False),
    "ct_document_claim_count": (_i64, [DocumentP], False),
    "ct_document_derived_from": (_i64, [DocumentP], False),
    "ct_document_similarity": (_dbl, [DocumentP], False),
    "ct_store_document": (_int, [_PP(DocumentP), StoreP, _i64], True),
    "ct_document_text": (_vp, [DocumentP, _PP(_size)], False),
    "ct_document_free": (None, [DocumentP], False),
    "ct_source_iter_new": (_int, [_PP(SourceIterP), StoreP], True),
    "ct_source_iter_next": (_int, [_PP(SourceP), SourceIterP], True),
    "ct_source_iter_free": (None, [SourceIterP], False),
    "ct_source_name": (_str, [SourceP], False),
    "ct_source_document_count": (_i64, [SourceP], False),
    "ct_source_claim_count": (_i64, [SourceP], False),
    "ct_store_check": (_int, [_PP(CheckP), StoreP, _str, _size, _uint], True),
    "ct_check_free": (None, [CheckP], False),
    "ct_check_claim_count": (_size, [CheckP], False),
    "ct_check_claim": (ClaimP, [CheckP, _size], False),
    "ct_check_verdict": (_int, [CheckP, _size], False),
    "ct_verdict_name": (_str, [_int], False),
    "ct_check_match_count": (_size, [CheckP, _size], False),
    "ct_check_match": (RelationP, [CheckP, _size, _size], False),
}

_lock = threading.Lock()
_lib = None
_path = None


class _Missing:
    """Stands in for a function the loaded library does not export."""

    def __init__(self, name):
        self.name = name

    def __call__(self, *args):
        raise ClaimtrackError(CT_ERROR, "%s is missing from %s: the library is older than "
                              "this wrapper" % (self.name, _path))


class _Lib:
    """The loaded library: one attribute per declared function."""

    def __init__(self, cdll):
        self._cdll = cdll
        for name, (restype, argtypes, checked) in _PROTOTYPES.items():
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                setattr(self, name, _Missing(name))
                continue
            fn.restype = restype
            fn.argtypes = argtypes
            if checked:
                fn.errcheck = _check
            setattr(self, name, fn)


def _candidates():
    env = os.environ.get("CLAIMTRACK_LIBRARY")
    if env:
        yield env, True
        return
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        names = sorted(os.listdir(here))
    except OSError:
        names = []
    # a bundled copy: libclaimtrack.so[.N...], libclaimtrack[.N].dylib or claimtrack.dll
    for name in names:
        if name.startswith("libclaimtrack.") or name == "claimtrack.dll":
            yield os.path.join(here, name), False
    found = ctypes.util.find_library("claimtrack")
    if found:
        yield found, False


def _load():
    global _lib, _path, _errmsg, _errstr
    errors = []
    for path, explicit in _candidates():
        try:
            cdll = ctypes.CDLL(path)
        except OSError as e:
            errors.append("%s: %s" % (path, e))
            if explicit:
                break
            continue
        loaded = _Lib(cdll)
        if isinstance(loaded.ct_version, _Missing):
            errors.append("%s: not libclaimtrack (no ct_version)" % path)
            if explicit:
                break
            continue
        _path, _errmsg, _errstr = path, loaded.ct_errmsg, loaded.ct_errstr
        _lib = loaded
        return _lib
    why = "; ".join(errors) if errors else "not found"
    raise ClaimtrackError(CT_ENOTFOUND, "cannot load libclaimtrack (%s): set "
                          "CLAIMTRACK_LIBRARY to the library's path" % why)


def lib():
    """The loaded library, loading it on first use."""
    if _lib is not None:
        return _lib
    with _lock:
        return _lib if _lib is not None else _load()


def library_path():
    """The path (or loader name) the library was loaded from."""
    lib()
    return _path


def take_string(ptr):
    """Copy a library-allocated string (a c_void_p) into bytes and free it with ct_free."""
    if not ptr.value:
        return b""
    try:
        return ctypes.string_at(ptr.value)
    finally:
        lib().ct_free(ptr)
        ptr.value = None
