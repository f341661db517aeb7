#!/usr/bin/env python3
"""Checks dev.tsv and test.tsv in this folder and prints their counts as a Markdown table.

Run: python3 check.py   (exit status 1 and FILE:LINE: messages on any problem)
"""
import collections, itertools, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = ['dev.tsv', 'test.tsv']
errors = []
seen = {}          # normalised text -> "file:line"
stats = {}
texts = {}       # file -> [(cluster, text)]

for name in FILES:
    path = os.path.join(HERE, name)
    sizes = collections.Counter()
    with open(path, encoding='utf-8', newline='') as f:
        data = f.read()
    if '\r' in data:
        errors.append(f'{name}: CR characters (use LF line ends)')
    lines = data.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    else:
        errors.append(f'{name}: no newline at end of file')
    if not lines or lines[0] != 'cluster\ttext':
        errors.append(f'{name}:1: header must be exactly "cluster<TAB>text"')
    for no, line in enumerate(lines[1:], start=2):
        where = f'{name}:{no}'
        fields = line.split('\t')
        if len(fields) != 2:
            errors.append(f'{where}: {len(fields)} tab-separated fields, want 2')
            continue
        cid, text = fields
        if not re.fullmatch(r'c\d{3}', cid):
            errors.append(f'{where}: cluster id {cid!r} is not c + 3 digits')
        if text != text.strip() or not text:
            errors.append(f'{where}: empty text or leading/trailing blanks')
        if any(unicodedata.category(ch) == 'Cc' for ch in text):
            errors.append(f'{where}: control character in text')
        if text in seen:
            errors.append(f'{where}: exact duplicate of {seen[text]}')
        else:
            seen[text] = where
        sizes[cid] += 1
    stats[name] = sizes
    texts[name] = [tuple(l.split('\t')) for l in lines[1:]]

if errors:
    print('\n'.join(errors), file=sys.stderr)
    sys.exit(1)

def row(label, fn):
    return f'| {label} | ' + ' | '.join(str(fn(stats[n])) for n in FILES) + ' |'

print('| | ' + ' | '.join(f'`{n}`' for n in FILES) + ' |')
print('|---|' + '---|' * len(FILES))
print(row('clusters', len))
print(row('texts', lambda s: sum(s.values())))
print(row('singletons (clusters of 1)', lambda s: sum(1 for v in s.values() if v == 1)))
print(row('clusters of 2', lambda s: sum(1 for v in s.values() if v == 2)))
print(row('clusters of 3 or more', lambda s: sum(1 for v in s.values() if v >= 3)))
print(row('texts per cluster: mean', lambda s: f'{sum(s.values()) / len(s):.2f}'))
print(row('texts per cluster: largest', lambda s: max(s.values())))
print(row('pairs of texts in the same cluster', lambda s: sum(v * (v - 1) // 2 for v in s.values())))
print()
for n in FILES:
    dist = collections.Counter(stats[n].values())
    print(f'`{n}` cluster sizes: ' + ', '.join(f'{k}: {dist[k]}' for k in sorted(dist)))

# How far plain surface similarity gets: character-bigram Jaccard over the text with blanks and
# punctuation removed. Same-cluster pairs scoring at or below the most similar different-cluster
# pair cannot be separated by a threshold on this measure.
def bigrams(t):
    t = re.sub(r'[\s\W_]+', '', t)
    return {t[i:i + 2] for i in range(len(t) - 1)}

print()
for n in FILES:
    grams = [(c, bigrams(t)) for c, t in texts[n]]
    same, diff = [], []
    for (c1, g1), (c2, g2) in itertools.combinations(grams, 2):
        (same if c1 == c2 else diff).append(len(g1 & g2) / len(g1 | g2))
    top = max(diff)
    print(f'`{n}` bigram Jaccard: highest different-cluster pair {top:.2f}; '
          f'same-cluster pairs at or below it: {sum(x <= top for x in same)} of {len(same)}; '
          f'same-cluster median {sorted(same)[len(same) // 2]:.2f}')
