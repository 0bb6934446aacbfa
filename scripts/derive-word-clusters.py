#!/usr/bin/env python3
"""Derives Plugins/Entities/Resources/word-clusters.txt: word clusters from unlabelled news.

    python3 scripts/derive-word-clusters.py NEWS.jsonl... > Plugins/Entities/Resources/word-clusters.txt

The committed file was made from the texts of `perf/news.jsonl` (840 political articles,
2015-2016), `sentiment/newsmtsc_train.jsonl` and `ner/train.jsonl` (CoNLL-2003 train: its words
need clusters for the tagger to learn what a cluster means) in the shared data:

    python3 scripts/derive-word-clusters.py DATA/perf/news.jsonl \\
        DATA/sentiment/newsmtsc_train.jsonl DATA/ner/train.jsonl > Plugins/Entities/Resources/word-clusters.txt

Words that occur in the same contexts get the same cluster, so the tagger can treat a word it
never saw labelled ("Robinhood", "TikTok") like the words it did see in those contexts. The
method is the classic distributional one, cheap and deterministic: count each frequent word's
left and right neighbours among the 1,000 commonest words, weight the counts by positive
pointwise mutual information, reduce them to 64 dimensions (a seeded randomised SVD), and
group the words by spherical k-means (200 fine clusters, seeded k-means++), and the fine
clusters' centres again into 24 coarse ones.

Only the derived clusters are committed, never the texts. Output: `word fine coarse` per line
(fine 1...200, coarse 1...24), commonest word first (then by word), after a comment header:
the tagger gives a spelling it does not list ("MILAN") the clusters of the commonest listed
word with its letters ("Milan"). Requires numpy.
"""
import json, re, sys
from collections import Counter
import numpy as np

MIN_COUNT = 5
CONTEXT_WORDS = 1000
DIMENSIONS = 64
FINE, COARSE = 200, 24
SEED = 2003

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|'s\b|n't\b|[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")
PLAIN = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-'})


def tokens(text):
    """Tokens much as the tagger's units are: a hyphenated word with a capital is split."""
    for line in text.translate(PLAIN).split('\n'):
        out = []
        for t in TOKEN.findall(line):
            if '-' in t and any(c.isupper() for c in t):
                parts = t.split('-')
                for k, p in enumerate(parts):
                    if k: out.append('-')
                    if p: out.append(p)
            else:
                out.append(t)
        yield out


def texts(paths):
    seen = set()
    for path in paths:
        for line in open(path, encoding='utf-8'):
            text = json.loads(line)['text']
            if text not in seen:
                seen.add(text)
                yield text


def kmeans(x, k, rng, iterations=20):
    """Spherical k-means on unit rows of `x`, seeded k-means++."""
    n = x.shape[0]
    centres = [x[rng.integers(n)]]
    closest = 1 - x @ centres[0]
    for _ in range(1, k):
        p = np.maximum(closest, 0) ** 2
        c = x[rng.choice(n, p=p / p.sum())]
        centres.append(c)
        closest = np.minimum(closest, 1 - x @ c)
    centres = np.array(centres)
    for _ in range(iterations):
        assign = np.argmax(x @ centres.T, axis=1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                c = members.sum(axis=0)
                centres[j] = c / np.linalg.norm(c)
    return np.argmax(x @ centres.T, axis=1), centres


def main(paths):
    sentences = [s for text in texts(paths) for s in tokens(text)]
    counts = Counter(t for s in sentences for t in s)
    vocab = sorted((w for w, c in counts.items() if c >= MIN_COUNT), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    lower_counts = Counter()
    for w, c in counts.items(): lower_counts[w.lower()] += c
    context = sorted(lower_counts, key=lambda w: (-lower_counts[w], w))[:CONTEXT_WORDS]
    context_index = {w: i for i, w in enumerate(context)}

    m = np.zeros((len(vocab), 2 * CONTEXT_WORDS + 2), dtype=np.float64)
    for s in sentences:
        padded = ['<s>'] + s + ['</s>']
        for k in range(1, len(padded) - 1):
            row = index.get(padded[k])
            if row is None: continue
            left, right = padded[k - 1], padded[k + 1]
            m[row, context_index.get(left.lower(), CONTEXT_WORDS) if left != '<s>' else 2 * CONTEXT_WORDS] += 1
            m[row, CONTEXT_WORDS + 1 + context_index.get(right.lower(), CONTEXT_WORDS) if right != '</s>' else 2 * CONTEXT_WORDS + 1] += 1

    total = m.sum()
    rows = m.sum(axis=1, keepdims=True)
    columns = m.sum(axis=0, keepdims=True) ** 0.75  # context smoothing (Levy et al. 2015)
    with np.errstate(divide='ignore', invalid='ignore'):
        pmi = np.log(m * columns.sum() / (rows * columns))
    ppmi = np.where(m > 0, np.maximum(pmi, 0), 0)

    rng = np.random.default_rng(SEED)
    # Randomised SVD (Halko et al. 2011) with two power iterations.
    q, _ = np.linalg.qr(ppmi @ rng.standard_normal((ppmi.shape[1], DIMENSIONS + 16)))
    for _ in range(2):
        q, _ = np.linalg.qr(ppmi @ (ppmi.T @ q))
    u, sigma, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    x = (q @ u)[:, :DIMENSIONS] * np.sqrt(sigma[:DIMENSIONS])
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)

    fine, centres = kmeans(x, FINE, rng)
    coarse_of_centre, _ = kmeans(centres, COARSE, rng)
    print('# Word clusters derived by scripts/derive-word-clusters.py from unlabelled news texts')
    print(f'# ({len(sentences)} lines, {sum(counts.values())} tokens; words seen {MIN_COUNT} times or more).')
    print('# word fine-cluster coarse-cluster')
    for w in vocab:
        print(w, fine[index[w]] + 1, coarse_of_centre[fine[index[w]]] + 1)


if __name__ == '__main__':
    main(sys.argv[1:])
