#!/usr/bin/env python3
"""Build models/entities-lexicon.bin: two Bloom filters over English words, from the
Debian package wamerican (SCOWL word list, Kevin Atkinson et al.; permissive
licence: "Permission to use, copy, modify, distribute and sell these word lists
... is hereby granted without fee", parts public domain; see
/usr/share/doc/wamerican/copyright).

  filter 0: words the dictionary lists in lower case ("lucky", "win")
  filter 1: words it lists capitalized, i.e. proper nouns ("Zyuganov", "Abe")

Lets the tagger tell common words from names where casing says nothing (ALL-CAPS
headlines, sentence starts) for words never seen in training.

Reproduce:  apt-get install wamerican && python3 tools/entities_lexicon.py
Format: b"LEDELEX1", u8 log2(bits per filter), then filter 0 and filter 1, each
2^bits bits (little-endian bit order within bytes). A word (lower-cased, UTF-8)
sets bits h & mask and (h >> 32) & mask, h = 64-bit FNV-1a of its bytes.
"""
import os

SOURCE = "/usr/share/dict/american-english"
BITS = 19
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "models", "entities-lexicon.bin")


def fnv1a(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    size = 1 << BITS
    mask = size - 1
    filters = [bytearray(size // 8), bytearray(size // 8)]
    with open(SOURCE, encoding="utf-8") as f:
        words = sorted(set(line.strip() for line in f))
    for word in words:
        if not word or "'" in word:
            continue
        which = 1 if word[0].isupper() else 0
        h = fnv1a(word.lower().encode("utf-8"))
        for index in (h & mask, (h >> 32) & mask):
            filters[which][index >> 3] |= 1 << (index & 7)
    with open(OUT, "wb") as f:
        f.write(b"LEDELEX1")
        f.write(bytes([BITS]))
        f.write(filters[0])
        f.write(filters[1])


if __name__ == "__main__":
    main()
