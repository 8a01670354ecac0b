#!/usr/bin/env python3
"""English word forms from the WordNet 3.0 lemma lists shipped in PyPI's
spacy-lookups-data (en_lemma_index: lemmas by part of speech;
en_lemma_exc: irregular forms), inflected by dyad's own spelling rules
(regular plurals, -s/-ed/-ing verb forms, -er/-est of short adjectives).
Irregular forms replace the rule forms they cover. Writes the builder's
`lemma TAB form TAB grammemes` lines on stdout.

Usage: wordnet_en.py DIR_WITH_en_lemma_*.json.gz > forms.tsv
"""
import gzip
import json
import os
import re
import sys

VOWELS = "aeiou"


def load(d, name):
    return json.load(gzip.open(os.path.join(d, name), "rt", encoding="utf-8"))


def sibilant(w):
    return w.endswith(("s", "x", "z", "ch", "sh"))


def consonant_y(w):
    return len(w) > 1 and w.endswith("y") and w[-2] not in VOWELS


def doubles(w):
    # one-syllable consonant-vowel-consonant words double the consonant
    return re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", w) is not None


def plural(w):
    if consonant_y(w):
        return w[:-1] + "ies"
    return w + ("es" if sibilant(w) else "s")


def third(w):
    if consonant_y(w):
        return w[:-1] + "ies"
    return w + ("es" if sibilant(w) or w.endswith("o") else "s")


def past(w):
    if w.endswith("e"):
        return w + "d"
    if consonant_y(w):
        return w[:-1] + "ied"
    return w + w[-1] + "ed" if doubles(w) else w + "ed"


def gerund(w):
    if w.endswith("ie"):
        return w[:-2] + "ying"
    if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) and len(w) > 2:
        return w[:-1] + "ing"
    return w + w[-1] + "ing" if doubles(w) else w + "ing"


def graded(w):
    base = w[:-1] if w.endswith("e") else (w[:-1] + "i" if consonant_y(w) else (w + w[-1] if doubles(w) else w))
    return base + "er", base + "est"


def syllables(w):
    return len(re.findall(r"[aeiouy]+", w))


def main(d):
    index = load(d, "en_lemma_index.json.gz")
    exc = load(d, "en_lemma_exc.json.gz")
    irregular = {pos: {} for pos in exc}
    for pos, table in exc.items():
        for form, lemmas in table.items():
            for lemma in lemmas:
                irregular[pos].setdefault(lemma, []).append(form)
    out = []
    nouns_verbs = set(index["noun"]) | set(index["verb"])
    for lemma in index["noun"]:
        if "_" in lemma:
            continue
        out.append((lemma, lemma, "NOUN,sing"))
        forms = irregular["noun"].get(lemma) or [plural(lemma)]
        out.extend((lemma, f, "NOUN,plur") for f in forms)
    for lemma in index["verb"]:
        if "_" in lemma:
            continue
        out.append((lemma, lemma, "VERB"))
        out.append((lemma, third(lemma), "VERB,pres,3per,sing"))
        forms = irregular["verb"].get(lemma, [])
        ing = [f for f in forms if f.endswith("ing")] or [gerund(lemma)]
        ed = [f for f in forms if not f.endswith("ing") and not f.endswith("s")] or [past(lemma)]
        out.extend((lemma, f, "GRND,pres") for f in ing)
        for f in ed:
            out.append((lemma, f, "VERB,past"))
            out.append((lemma, f, "PRTF,past"))
    for lemma in index["adj"]:
        if "_" in lemma:
            continue
        out.append((lemma, lemma, "ADJF"))
        forms = irregular["adj"].get(lemma, [])
        if forms:
            out.extend((lemma, f, "ADJF," + ("Supr" if f.endswith("st") else "Cmpr")) for f in forms)
        elif lemma in nouns_verbs:
            pass  # "go" the adjective has no "goer"
        elif syllables(lemma) == 1 or (syllables(lemma) == 2 and consonant_y(lemma)):
            cmp_, sup = graded(lemma)
            out.append((lemma, cmp_, "ADJF,Cmpr"))
            out.append((lemma, sup, "ADJF,Supr"))
    for lemma in index["adv"]:
        if "_" not in lemma:
            out.append((lemma, lemma, "ADVB"))
    for lemma, form, grammemes in out:
        print(f"{lemma}\t{form}\t{grammemes}")


if __name__ == "__main__":
    main(sys.argv[1])
