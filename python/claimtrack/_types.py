"""The values the wrapper returns: plain, immutable dataclasses built from the library's
JSON (DESIGN.md "The JSON contract"), so that they outlive the C objects they came from."""

from dataclasses import dataclass, field
from typing import Dict, NamedTuple, Optional, Tuple

__all__ = ["Value", "Speaker", "Quantity", "Claim", "Quote", "Document", "Relation", "Origin",
           "StoredDocument", "Source", "CheckedClaim", "Ingested"]

_new = object.__new__
_setattr = object.__setattr__


def make(cls, values):
    """cls(**values) for a frozen dataclass, without its __init__'s one object.__setattr__
    call per field: three times faster, and this runs for every claim (values must name
    every field)."""
    obj = _new(cls)
    _setattr(obj, "__dict__", values)
    return obj


class Value(NamedTuple):
    """The interval of values a quantity allows, in base units; None for an open side."""

    low: Optional[float]
    high: Optional[float]


class Speaker(NamedTuple):
    """Who asserts a claim: ``kind`` is "person", "organization", "group" or "document"."""

    name: str
    kind: Optional[str] = None
    role: Optional[str] = None
    organization: Optional[str] = None

    def __str__(self):
        return self.name


def _value(v):
    low, high = v["low"], v["high"]
    return Value(None if low is None else float(low), None if high is None else float(high))


def _speaker(obj):
    if not obj:
        return None
    return Speaker(obj["name"], obj.get("kind"), obj.get("role"), obj.get("organization"))


def _format_number(v):
    if v == int(v) and abs(v) < 1e15:
        return "{:,}".format(int(v))
    return "{:,.6g}".format(v)


def _count(n, noun, plural=None):
    return "%d %s" % (n, noun if n == 1 else plural or noun + "s")


def format_value(q):
    """A quantity's value in a few characters: "< 6,000,000 USD", "20 to 40 x less"."""
    low, high = q.value
    unit = " " + q.unit if q.unit else ""
    tail = unit + (" " + q.direction if q.direction else "")
    if low is None and high is None:
        return "-"
    if low is None:
        return "< " + _format_number(high) + tail
    if high is None:
        return "> " + _format_number(low) + tail
    if low != high:
        return _format_number(low) + " to " + _format_number(high) + tail
    return ("~" if q.bound == "approx" else "") + _format_number(low) + tail


@dataclass(frozen=True)
class Quantity:
    """A numeric expression the library recognised.

    ``span`` is a ``(start, end)`` pair of byte offsets into the UTF-8 text that was
    extracted (not character offsets: see :meth:`Document.slice`). ``kind`` is one of
    money, percent, ratio, count, duration, age, rank, date, number; ``unit`` an ISO 4217
    code, "%", "pp", "x", "count", "rank", "month", ... or None; ``bound`` exact, approx,
    upper, lower or range; ``direction`` "less"/"more" for ratios, else None.
    """

    span: Tuple[int, int]
    text: str
    kind: str
    value: Value
    unit: Optional[str]
    bound: str
    direction: Optional[str]

    @classmethod
    def _from_json(cls, o):
        return make(cls, {"span": tuple(o["span"]), "text": o["text"], "kind": o["kind"],
                           "value": _value(o["value"]), "unit": o["unit"], "bound": o["bound"],
                           "direction": o["direction"]})

    def __repr__(self):
        return "%s(%r, %s %s %s, span=%r)" % (type(self).__name__, self.text, self.kind,
                                              format_value(self), self.bound, self.span)


@dataclass(frozen=True)
class Claim(Quantity):
    """A quantity that states a checkable fact, with who says it and what it is about.

    ``speaker`` is a :class:`Speaker`, or None when the outlet reports the number on its
    own authority; ``hedged`` is True when the text marks it uncertain (``hedge_cue`` is
    the word); ``subject`` says what is measured and ``entity`` whom it concerns;
    ``sentence`` is the byte span of its sentence. Claims read from a :class:`Store` also
    carry the store's ``id``, their ``document``'s id and ``file``, and the id of the
    ``origin`` they trace back to (:meth:`Store.origins`).
    """

    speaker: Optional[Speaker]
    hedged: bool
    subject: Optional[str]
    entity: Optional[str]
    sentence: Tuple[int, int]
    hedge_cue: Optional[str] = None
    terms: str = ""
    id: Optional[int] = None
    file: Optional[str] = None
    document: Optional[int] = None
    origin: Optional[int] = None

    @classmethod
    def _from_json(cls, o):
        get = o.get
        return make(cls, {"span": tuple(o["span"]), "text": o["text"], "kind": o["kind"],
                           "value": _value(o["value"]), "unit": o["unit"], "bound": o["bound"],
                           "direction": o["direction"], "speaker": _speaker(get("speaker")),
                           "hedged": bool(get("hedged")), "subject": get("subject"),
                           "entity": get("entity"), "sentence": tuple(o["sentence"]),
                           "hedge_cue": get("hedge_cue"), "terms": get("terms") or "",
                           "id": get("id"), "file": get("file"),
                           "document": get("document"), "origin": get("origin")})

    def __repr__(self):
        parts = [repr(self.text), "%s %s %s" % (self.kind, format_value(self), self.bound)]
        parts.append("speaker=%r" % (self.speaker.name if self.speaker else None))
        if self.hedged:
            parts.append("hedged")
        if self.subject:
            parts.append("subject=%r" % self.subject)
        if self.entity:
            parts.append("entity=%r" % self.entity)
        if self.file is not None:
            parts.append("file=%r" % self.file)
        parts.append("span=%r" % (self.span,))
        return "Claim(%s)" % ", ".join(parts)


@dataclass(frozen=True)
class Quote:
    """A direct quotation: the words inside the marks and who said them (or None)."""

    span: Tuple[int, int]
    text: str
    speaker: Optional[Speaker]

    @classmethod
    def _from_json(cls, o):
        return make(cls, {"span": tuple(o["span"]), "text": o["text"],
                           "speaker": _speaker(o.get("speaker"))})

    def __repr__(self):
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return "Quote(%r, speaker=%r, span=%r)" % (
            text, self.speaker.name if self.speaker else None, self.span)


@dataclass(frozen=True)
class Document:
    """Everything extracted from one text: its claims, every quantity recognised (claim or
    not), its direct quotes, and the metadata the text carries (title, outlet, url, byline,
    dateline)."""

    claims: Tuple[Claim, ...]
    quantities: Tuple[Quantity, ...]
    quotes: Tuple[Quote, ...]
    meta: Dict[str, str] = field(default_factory=dict)
    text: bytes = field(default=b"", repr=False)

    def slice(self, span):
        """The text of a ``(start, end)`` byte span, decoded."""
        return self.text[span[0]:span[1]].decode("utf-8", "replace")

    def __repr__(self):
        title = self.meta.get("title")
        return "Document(%s%s, %d quantities, %s)" % (
            "%r, " % title if title else "", _count(len(self.claims), "claim"),
            len(self.quantities), _count(len(self.quotes), "quote"))


@dataclass(frozen=True)
class Relation:
    """How two claims of different documents relate: ``type`` is "corroborates" or
    "contradicts"; ``score`` in [0, 1] says how sure; ``reason`` says why in words;
    ``independent`` is False when one document rewrites or copies the other, so that the
    pair is not independent corroboration."""

    type: str
    a: Claim
    b: Claim
    score: Optional[float] = None
    reason: Optional[str] = None
    independent: Optional[bool] = None

    def __repr__(self):
        def side(c):
            return "%s %r" % (c.file, c.text) if c.file is not None else repr(c.text)

        return "Relation(%s: %s <-> %s%s)" % (self.type, side(self.a), side(self.b),
                                              "" if self.independent is not False
                                              else ", not independent")


@dataclass(frozen=True)
class Origin:
    """Claims in different documents that trace back to one original speaker (or to an
    outlet's own reporting): ``label`` names it, ``first`` is the first report, and the
    counts say how many claims report it in how many documents, and in how many documents
    that are not rewrites of another. ``Store.claims(origin=o.id)`` lists the reports."""

    id: int
    label: str
    first: Claim
    reports: int
    documents: int
    independent_documents: int

    def __repr__(self):
        return "Origin(%r, %s in %s (%d independent), first=%r)" % (
            self.label, _count(self.reports, "report"), _count(self.documents, "document"),
            self.independent_documents, self.first.text)


@dataclass(frozen=True)
class StoredDocument:
    """A document in a store: its metadata (None when unknown), when it was ingested (ISO
    8601 UTC), the SHA-256 of its bytes, its number of claims, and the id of the document
    it rewrites or copies (``derived_from``, with their ``similarity``). ``text`` is only
    filled by :meth:`Store.document`."""

    id: int
    file: Optional[str]
    source: Optional[str]
    url: Optional[str]
    published: Optional[str]
    title: Optional[str]
    ingested: Optional[str]
    sha256: Optional[str]
    claims: int
    derived_from: Optional[int]
    similarity: Optional[float]
    text: Optional[bytes] = field(default=None, repr=False)

    def __repr__(self):
        name = self.title or self.file or self.url or "#%d" % self.id
        parts = [repr(name)]
        if self.source:
            parts.append("source=%r" % self.source)
        parts.append(_count(self.claims, "claim"))
        if self.derived_from:
            parts.append("derived_from=%d" % self.derived_from)
        return "StoredDocument(%d, %s)" % (self.id, ", ".join(parts))


@dataclass(frozen=True)
class Source:
    """An outlet, with how many of its documents and claims the store holds."""

    name: str
    documents: int
    claims: int


@dataclass(frozen=True)
class CheckedClaim:
    """A claim of a checked text and what the store says about it: ``verdict`` is
    "unknown", "corroborated", "contradicted" or "disputed"; ``matches`` are the relations
    to stored claims, each with the checked claim as ``a``."""

    claim: Claim
    verdict: str
    matches: Tuple[Relation, ...]

    def __repr__(self):
        return "CheckedClaim(%r %s, %s)" % (self.claim.text, self.verdict,
                                           _count(len(self.matches), "match", "matches"))


class Ingested(NamedTuple):
    """What :meth:`Store.ingest` did: the document's id, and whether it was new (the same
    bytes ingested again are a no-op)."""

    id: int
    new: bool
