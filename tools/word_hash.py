"""The word hash of lib/segment.h (ct__word_hash), for the generated word tables: a
word's lower-cased bytes (at most 16 are read) as two little-endian 64-bit numbers, zero
past the word, mixed with its length. Must match ct__hash_mix() bit for bit."""

M64 = (1 << 64) - 1


def word_hash(word):
    b = word.encode("ascii")
    n = len(b)
    lo = int.from_bytes(b[:8].ljust(8, b"\0"), "little")
    hi = int.from_bytes(b[8:16].ljust(8, b"\0"), "little")
    x = ((lo * 0x9E3779B97F4A7C15) & M64) ^ (((hi + n) * 0xC2B2AE3D27D4EB4F) & M64)
    x ^= x >> 32
    x = (x * 0xD6E8FEB86659FD93) & M64
    x ^= x >> 32
    return x & 0xFFFFFFFF
