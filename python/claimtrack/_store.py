"""The claim store: ct_store_* and its iterators.

Lifetimes: the C store is closed by close(), by leaving a ``with`` block, or by a
weakref.finalize when the Store is garbage-collected (or at interpreter exit), whichever
comes first. Each listing is a generator that opens its C iterator on first use and frees
it when it finishes or is closed or collected; the store also keeps the iterators it has
open and frees them before closing, so that closing in the middle of a loop is safe."""

import ctypes
import os
import weakref

from . import _lib
from ._extract import claim_from, to_bytes
from ._lib import CT_EINVAL, CT_ENOTFOUND, CT_ERROR, CT_OK, ClaimtrackError, lib
from ._types import CheckedClaim, Claim, Ingested, Origin, Relation, Source, StoredDocument

__all__ = ["Store"]

_FILTERS = ("source", "speaker", "kind", "entity", "search", "id", "document", "origin")


def _close(handle, iters):
    """Free the open iterators, then the store. Holds no reference to the Store."""
    for free, it in list(iters.values()):
        free(it)
    iters.clear()
    lib().ct_store_close(handle)


def _enc(value, what):
    if value is None:
        return None
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    raise TypeError("%s must be str, not %s" % (what, type(value).__name__))


def _dec(b):
    return None if b is None else b.decode("utf-8", "replace")


_name_cache = {}


def _names(fn_name, first, stop):
    """{name: code} from a library function that names the codes first..stop-1, so that
    the enums' numbers are the library's."""
    names = _name_cache.get(fn_name)
    if names is None:
        fn = getattr(lib(), fn_name)
        names = {}
        for code in range(first, stop):
            name = fn(code)
            if name:
                names.setdefault(name.decode("ascii"), code)
        _name_cache[fn_name] = names
    return names


def _claim(ptr):
    """A Claim from a borrowed ct_claim, with its store ids when it was stored."""
    L = lib()
    claim_id = L.ct_claim_id(ptr)
    if not claim_id:
        return claim_from(ptr)
    return claim_from(ptr, {"id": claim_id, "document": L.ct_claim_doc_id(ptr) or None,
                            "origin": L.ct_claim_origin_id(ptr) or None,
                            "file": _dec(L.ct_claim_file(ptr))})


def _relation(ptr):
    L = lib()
    kind = L.ct_relation_kind(ptr)
    return Relation(_dec(L.ct_relation_type_name(kind)), _claim(L.ct_relation_a(ptr)),
                    _claim(L.ct_relation_b(ptr)), L.ct_relation_score(ptr),
                    _dec(L.ct_relation_reason(ptr)), bool(L.ct_relation_independent(ptr)))


def _origin(ptr):
    L = lib()
    return Origin(L.ct_origin_id(ptr), _dec(L.ct_origin_label(ptr)),
                  _claim(L.ct_origin_first(ptr)), L.ct_origin_report_count(ptr),
                  L.ct_origin_document_count(ptr), L.ct_origin_independent_count(ptr))


def _document(ptr, text=None):
    L = lib()
    derived = L.ct_document_derived_from(ptr)
    return StoredDocument(L.ct_document_id(ptr), _dec(L.ct_document_file(ptr)),
                          _dec(L.ct_document_source(ptr)), _dec(L.ct_document_url(ptr)),
                          _dec(L.ct_document_published(ptr)), _dec(L.ct_document_title(ptr)),
                          _dec(L.ct_document_ingested(ptr)), _dec(L.ct_document_sha256(ptr)),
                          L.ct_document_claim_count(ptr), derived or None,
                          L.ct_document_similarity(ptr) if derived else None, text)


def _source(ptr):
    L = lib()
    return Source(_dec(L.ct_source_name(ptr)), L.ct_source_document_count(ptr),
                  L.ct_source_claim_count(ptr))


class Store:
    """A claim store: an SQLite file (or ``":memory:"``) of documents, their claims and
    quotes, the relations between claims of different documents, and their origins.

    ``Store(path)`` opens or creates it; ``readonly=True`` never writes (the file must
    exist); ``create=False`` fails if the file does not exist. Use it as a context manager,
    or call :meth:`close`; a store that is only dropped is closed when collected.
    A store belongs to one thread at a time.
    """

    def __init__(self, path=":memory:", *, readonly=False, create=True):
        self.path = os.fspath(path)
        flags = (_lib.CT_OPEN_READONLY if readonly else 0) | \
            (0 if create else _lib.CT_OPEN_NOCREATE)
        handle = _lib.StoreP()
        lib().ct_store_open(ctypes.byref(handle), _enc(path, "path"), flags)
        self._handle = handle
        self._iters = {}  # open C iterators: {token: (free function, handle)}
        self._finalizer = weakref.finalize(self, _close, handle, self._iters)

    # ---- lifecycle ------------------------------------------------------------------

    def close(self):
        """Close the store (and any listing still open on it). Closing twice is fine."""
        self._finalizer()

    @property
    def closed(self):
        return not self._finalizer.alive

    def __enter__(self):
        self._open()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        return "<claimtrack.Store %r%s>" % (self.path, " closed" if self.closed else "")

    def _open(self):
        if not self._finalizer.alive:
            raise ClaimtrackError(CT_EINVAL, "the store %r is closed" % self.path)
        return self._handle

    @property
    def schema_version(self):
        """The schema version of the open store (PRAGMA user_version)."""
        out = ctypes.c_int()
        lib().ct_store_schema_version(self._open(), ctypes.byref(out))
        return out.value

    # ---- ingesting ------------------------------------------------------------------

    def ingest(self, text, *, file=None, source=None, url=None, published=None, title=None,
               replace_invalid=False):
        """Extract one document and store it with its claims and relations, in one
        transaction. ``source`` (the outlet), ``url``, ``published`` (a date as given) and
        ``title`` override what the text itself says; ``file`` names the document. The
        same bytes ingested again are a no-op. Returns :class:`Ingested` ``(id, new)``."""
        data = to_bytes(text)
        meta = _lib.IngestMeta(_lib.CT_INGEST_META_VERSION, _enc(file, "file"),
                               _enc(source, "source"), _enc(url, "url"),
                               _enc(published, "published"), _enc(title, "title"))
        doc_id, was_new = ctypes.c_int64(), ctypes.c_int()
        flags = _lib.CT_EXTRACT_REPLACE_INVALID if replace_invalid else 0
        lib().ct_store_ingest(self._open(), data, len(data), ctypes.byref(meta), flags,
                              ctypes.byref(doc_id), ctypes.byref(was_new))
        return Ingested(doc_id.value, bool(was_new.value))

    def ingest_file(self, path, **meta):
        """Read a file and :meth:`ingest` it under its path (``file=`` overrides it)."""
        self._open()
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            code = CT_ENOTFOUND if isinstance(e, FileNotFoundError) else \
                CT_EINVAL if isinstance(e, IsADirectoryError) else CT_ERROR
            raise ClaimtrackError(code, "%s: %s" % (os.fspath(path), e.strerror)) from e
        meta.setdefault("file", os.fspath(path))
        return self.ingest(data, **meta)

    # ---- reading --------------------------------------------------------------------

    def _rows(self, new, args, next_fn, free, row_type, convert):
        """Yield convert(row) for each row of a C iterator opened with new(&it, *args)."""
        handle = self._open()
        it = new.argtypes[0]._type_()  # the iterator's handle type
        new(ctypes.byref(it), handle, *args)
        token = object()  # ctypes pointers are not hashable
        self._iters[token] = (free, it)
        try:
            row = row_type()
            while True:
                if token not in self._iters:  # the store was closed mid-loop
                    raise ClaimtrackError(CT_EINVAL, "the store %r is closed" % self.path)
                if next_fn(ctypes.byref(row), it) != CT_OK:
                    break
                yield convert(row)
        finally:
            # the store may have freed it already, when it was closed mid-loop
            if self._iters.pop(token, None):
                free(it)

    def _kind(self, kind):
        kinds = _names("ct_kind_name", 1, 32)
        if kind not in kinds or kind == "none":
            raise ClaimtrackError(CT_EINVAL, "unknown kind %r: one of %s"
                                  % (kind, ", ".join(sorted(set(kinds) - {"none"}))))
        return kinds[kind]

    def claims(self, **filters):
        """The stored claims, in the order they were stored, as a generator of
        :class:`Claim`. Filters (all must match; strings ignore case): ``source`` (the
        outlet), ``speaker``, ``kind`` ("money", ...), ``entity``, ``search`` (words that
        must all occur in the claim's sentence), ``id`` (one claim), ``document`` (a
        document id) and ``origin`` (an origin id)."""
        unknown = set(filters) - set(_FILTERS)
        if unknown:
            raise TypeError("claims() got unknown filters: %s (known: %s)"
                            % (", ".join(sorted(unknown)), ", ".join(_FILTERS)))
        self._open()
        f = _lib.ClaimFilter(_lib.CT_CLAIM_FILTER_VERSION)
        for key in ("source", "speaker", "entity", "search"):
            setattr(f, key, _enc(filters.get(key), key))
        if filters.get("kind") is not None:
            f.kind = self._kind(filters["kind"])
        for key, member in (("id", "claim_id"), ("document", "doc_id"),
                            ("origin", "origin_id")):
            value = filters.get(key)
            if value is not None:
                setattr(f, member, _id(value, key))
        L = lib()
        return self._rows(L.ct_claim_iter_new, (ctypes.byref(f),), L.ct_claim_iter_next,
                          L.ct_claim_iter_free, _lib.ClaimP, _claim)

    def claim(self, id):
        """One stored claim by its id; ClaimtrackError ENOTFOUND when there is none."""
        for c in self.claims(id=id):
            return c
        raise ClaimtrackError(CT_ENOTFOUND, "no claim %d in the store %r" % (id, self.path))

    def relations(self, claim=None, type=None):
        """Relations between claims of different documents, as a generator of
        :class:`Relation`: all of them, or only those of ``claim`` (a Claim from this store
        or its id), which is then their ``a``; ``type`` is "corroborates" or
        "contradicts"."""
        claim_id = _claim_id(claim)
        self._open()
        L = lib()
        code = 0
        if type is not None:
            types = _names("ct_relation_type_name", 1, 3)
            if type not in types:
                raise ClaimtrackError(CT_EINVAL, "unknown relation type %r: one of %s"
                                      % (type, ", ".join(sorted(types))))
            code = types[type]
        return self._rows(L.ct_relation_iter_new, (claim_id, code), L.ct_relation_iter_next,
                          L.ct_relation_iter_free, _lib.RelationP, _relation)

    def origins(self, claim=None, *, repeated=False):
        """Origins, as a generator of :class:`Origin`: groups of claims in different
        documents that trace back to one speaker. ``claim`` limits it to that claim's
        origin; ``repeated=True`` keeps only origins reported by more than one document."""
        claim_id = _claim_id(claim)
        self._open()
        L = lib()
        return self._rows(L.ct_origin_iter_new, (claim_id, 1 if repeated else 0),
                          L.ct_origin_iter_next, L.ct_origin_iter_free, _lib.OriginP,
                          _origin)

    def documents(self):
        """The stored documents, in the order they were stored (without their text)."""
        self._open()
        L = lib()
        return self._rows(L.ct_document_iter_new, (), L.ct_document_iter_next,
                          L.ct_document_iter_free, _lib.DocumentP, _document)

    def document(self, id):
        """One stored document, with its ``text`` (bytes). ClaimtrackError ENOTFOUND when
        there is no such document."""
        L = lib()
        doc = _lib.DocumentP()
        L.ct_store_document(ctypes.byref(doc), self._open(), _id(id, "id"))
        try:
            n = ctypes.c_size_t()
            ptr = L.ct_document_text(doc, ctypes.byref(n))
            text = ctypes.string_at(ptr, n.value) if ptr else None
            return _document(doc, text)
        finally:
            L.ct_document_free(doc)

    def sources(self):
        """The outlets, by name, as a generator of :class:`Source`."""
        self._open()
        L = lib()
        return self._rows(L.ct_source_iter_new, (), L.ct_source_iter_next,
                          L.ct_source_iter_free, _lib.SourceP, _source)

    def check(self, text, *, replace_invalid=False):
        """Extract the claims of a text without storing it, and relate each to the stored
        claims: a list of :class:`CheckedClaim` (claim, verdict, matches)."""
        data = to_bytes(text)
        L = lib()
        chk = _lib.CheckP()
        flags = _lib.CT_EXTRACT_REPLACE_INVALID if replace_invalid else 0
        L.ct_store_check(ctypes.byref(chk), self._open(), data, len(data), flags)
        try:
            out = []
            for i in range(L.ct_check_claim_count(chk)):
                matches = tuple(_relation(L.ct_check_match(chk, i, j))
                                for j in range(L.ct_check_match_count(chk, i)))
                out.append(CheckedClaim(_claim(L.ct_check_claim(chk, i)),
                                        _dec(L.ct_verdict_name(L.ct_check_verdict(chk, i))),
                                        matches))
            return out
        finally:
            L.ct_check_free(chk)


def _claim_id(claim):
    """0 for None, else the id of a stored Claim or an id as given."""
    if claim is None:
        return 0
    if isinstance(claim, Claim):
        if claim.id is None:
            raise ClaimtrackError(CT_EINVAL, "the claim %r has no id: it was not read from a "
                                  "store" % claim.text)
        return claim.id
    return _id(claim, "claim")


def _id(value, what):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("%s must be an int id, not %s" % (what, type(value).__name__))
    if value <= 0:
        raise ClaimtrackError(CT_EINVAL, "%s must be a positive id, not %d" % (what, value))
    return value
