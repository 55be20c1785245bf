"""The values the wrapper returns: plain, immutable dataclasses built from the library's
JSON (DESIGN.md "The JSON contract"), so that they outlive the C objects they came from."""

import sys
from dataclasses import dataclass, field
from typing import Dict, NamedTuple, Optional, Tuple

__all__ = ["Value", "Speaker", "Quantity", "Claim", "Quote", "Document", "Relation"]

_SLOTS = {"slots": True} if sys.version_info >= (3, 10) else {}


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


def _num(v):
    return None if v is None else float(v)


def _speaker(obj):
    if not obj:
        return None
    return Speaker(obj["name"], obj.get("kind"), obj.get("role"), obj.get("organization"))


def _format_number(v):
    if v == int(v) and abs(v) < 1e15:
        return "{:,}".format(int(v))
    return "{:,.6g}".format(v)


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


@dataclass(frozen=True, **_SLOTS)
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
        v = o["value"]
        return cls(tuple(o["span"]), o["text"], o["kind"], Value(_num(v["low"]), _num(v["high"])),
                   o["unit"], o["bound"], o["direction"])

    def __repr__(self):
        return "%s(%r, %s %s %s, span=%r)" % (type(self).__name__, self.text, self.kind,
                                              format_value(self), self.bound, self.span)


@dataclass(frozen=True, **_SLOTS)
class Claim(Quantity):
    """A quantity that states a checkable fact, with who says it and what it is about.

    ``speaker`` is a :class:`Speaker`, or None when the outlet reports the number on its
    own authority; ``hedged`` is True when the text marks it uncertain (``hedge_cue`` is
    the word); ``subject`` says what is measured and ``entity`` whom it concerns;
    ``sentence`` is the byte span of its sentence. Claims read from a :class:`Store` also
    carry the store's ``id`` and the document's ``file``.
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

    @classmethod
    def _from_json(cls, o):
        v = o["value"]
        return cls(tuple(o["span"]), o["text"], o["kind"], Value(_num(v["low"]), _num(v["high"])),
                   o["unit"], o["bound"], o["direction"], _speaker(o.get("speaker")),
                   bool(o.get("hedged")), o.get("subject"), o.get("entity"),
                   tuple(o["sentence"]), o.get("hedge_cue"), o.get("terms") or "", o.get("id"),
                   o.get("file"))

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


@dataclass(frozen=True, **_SLOTS)
class Quote:
    """A direct quotation: the words inside the marks and who said them (or None)."""

    span: Tuple[int, int]
    text: str
    speaker: Optional[Speaker]

    @classmethod
    def _from_json(cls, o):
        return cls(tuple(o["span"]), o["text"], _speaker(o.get("speaker")))

    def __repr__(self):
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return "Quote(%r, speaker=%r, span=%r)" % (
            text, self.speaker.name if self.speaker else None, self.span)


@dataclass(frozen=True, **_SLOTS)
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
        return "Document(%s%d claims, %d quantities, %d quotes)" % (
            "%r, " % title if title else "", len(self.claims), len(self.quantities),
            len(self.quotes))


@dataclass(frozen=True, **_SLOTS)
class Relation:
    """How two claims of different documents relate: ``type`` is "corroborates" or
    "contradicts"; ``score`` in [0, 1] says how sure; ``reason`` says why in words."""

    type: str
    a: Claim
    b: Claim
    score: Optional[float] = None
    reason: Optional[str] = None

    def __repr__(self):
        def side(c):
            return "%s %r" % (c.file, c.text) if c.file is not None else repr(c.text)

        return "Relation(%s: %s <-> %s)" % (self.type, side(self.a), side(self.b))
