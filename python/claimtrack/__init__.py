"""claimtrack: claim provenance for news text, a ctypes wrapper over libclaimtrack.

    >>> import claimtrack
    >>> for c in claimtrack.extract("DeepSeek said it spent less than $6 million."):
    ...     print(c.text, c.kind, c.value, c.unit, c.speaker)

    >>> with claimtrack.Store("claims.db") as store:
    ...     store.ingest(text, source="CNBC", url="https://...")
    ...     for rel in store.relations():
    ...         print(rel.type, rel.a.text, rel.b.text)

Spans are ``(start, end)`` byte offsets into the UTF-8 text, as everywhere in claimtrack.
Errors raise :class:`ClaimtrackError`. The library is found through the
``CLAIMTRACK_LIBRARY`` environment variable, next to this package, or on the system
loader's path; it is loaded on first use.
"""

from ._extract import extract, extract_document, library_version
from ._lib import ClaimtrackError, library_path
from ._store import Store
from ._types import (CheckedClaim, Claim, Document, Ingested, Origin, Quantity, Quote, Relation,
                     Source, Speaker, StoredDocument, Value)

__version__ = "0.1.0"

__all__ = [
    "CheckedClaim", "Claim", "ClaimtrackError", "Document", "Ingested", "Origin", "Quantity",
    "Quote", "Relation", "Source", "Speaker", "Store", "StoredDocument", "Value", "extract",
    "extract_document", "library_path", "library_version",
]
