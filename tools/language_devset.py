#!/usr/bin/env python3
"""Builds the language-identification dev set of `lede eval language`: news paragraphs of
at least 200 characters in 20 languages of news (and Czech, to test the Slavic
neighbours), made from Universal Dependencies treebanks (CC BY-SA, one CC BY-NC-SA; see
the SOURCE.md this writes). Each treebank's `# text =` sentences are joined in their
order, with a space (none for Chinese and Japanese), into paragraphs that end at the
first sentence boundary past 200 characters; the tokenized Vietnamese text gets its
spaces before punctuation removed. The treebanks are read from git snapshots of the
UniversalDependencies repositories (one directory per repository holding its git
directory, named owner+name as the search tool's `fetch` lays them out); nothing of
them is committed to this repository.

Usage: python3 tools/language_devset.py [MIRROR_DIR] [OUT_DIR]
       (defaults ../.mirror beside the checkout and target/language-dev). Writes OUT_DIR/paragraphs.tsv
(language, treebank, text) and OUT_DIR/SOURCE.md. Deterministic."""
import os
import re
import subprocess
import sys

# ISO 639-1 code -> (treebank repository, file in it).
TREEBANKS = {
    "en": ("UD_English-PUD", "en_pud-ud-test.conllu"),
    "es": ("UD_Spanish-PUD", "es_pud-ud-test.conllu"),
    "fr": ("UD_French-PUD", "fr_pud-ud-test.conllu"),
    "de": ("UD_German-PUD", "de_pud-ud-test.conllu"),
    "pt": ("UD_Portuguese-PUD", "pt_pud-ud-test.conllu"),
    "it": ("UD_Italian-PUD", "it_pud-ud-test.conllu"),
    "nl": ("UD_Dutch-Alpino", "nl_alpino-ud-test.conllu"),
    "ru": ("UD_Russian-PUD", "ru_pud-ud-test.conllu"),
    "uk": ("UD_Ukrainian-IU", "uk_iu-ud-test.conllu"),
    "pl": ("UD_Polish-PUD", "pl_pud-ud-test.conllu"),
    "cs": ("UD_Czech-PUD", "cs_pud-ud-test.conllu"),
    "tr": ("UD_Turkish-PUD", "tr_pud-ud-test.conllu"),
    "ar": ("UD_Arabic-PUD", "ar_pud-ud-test.conllu"),
    "fa": ("UD_Persian-Seraji", "fa_seraji-ud-test.conllu"),
    "hi": ("UD_Hindi-PUD", "hi_pud-ud-test.conllu"),
    "zh": ("UD_Chinese-PUD", "zh_pud-ud-test.conllu"),
    "ja": ("UD_Japanese-GSD", "ja_gsd-ud-test.conllu"),
    "ko": ("UD_Korean-PUD", "ko_pud-ud-test.conllu"),
    "id": ("UD_Indonesian-PUD", "id_pud-ud-test.conllu"),
    "vi": ("UD_Vietnamese-VTB", "vi_vtb-ud-test.conllu"),
    "sv": ("UD_Swedish-PUD", "sv_pud-ud-test.conllu"),
}
MIN_CHARS = 200
NO_SPACE = {"zh", "ja"}

mirror = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", ".mirror")
out_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "target", "language-dev")
os.makedirs(out_dir, exist_ok=True)


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


def licence_line(repo):
    for name in ("README.md", "README.txt"):
        try:
            readme = git(repo, "show", f"HEAD:{name}")
        except subprocess.CalledProcessError:
            continue
        for line in readme.splitlines():
            if line.lower().startswith("license:"):
                return line.strip()
    return "License: see LICENSE.txt"


def detokenize(text):
    text = re.sub(r" +([,.:;?!)\]%])", r"\1", text)
    return re.sub(r"([(\[]) +", r"\1", text)


rows, sources = [], []
for lang, (name, path) in TREEBANKS.items():
    repo = os.path.join(mirror, f"UniversalDependencies+{name}", "repo")
    if not os.path.isdir(repo):
        sys.exit(f"language_devset: {repo} is missing: fetch github:UniversalDependencies/{name} first")
    commit = git(repo, "rev-parse", "HEAD").strip()
    sentences = [m.group(1).strip() for m in re.finditer(r"^# text ?=(.*)$", git(repo, "show", f"HEAD:{path}"), re.M)]
    joiner = "" if lang in NO_SPACE else " "
    paragraph, count = [], 0
    for sentence in sentences:
        if lang == "vi":
            sentence = detokenize(sentence)
        paragraph.append(sentence)
        text = joiner.join(paragraph)
        if len(text) >= MIN_CHARS:
            rows.append((lang, name, text.replace("\t", " ")))
            paragraph, count = [], count + 1
    sources.append((lang, name, path, commit, licence_line(repo), len(sentences), count))

with open(os.path.join(out_dir, "paragraphs.tsv"), "w", encoding="utf-8") as f:
    for row in rows:
        f.write("\t".join(row) + "\n")

with open(os.path.join(out_dir, "SOURCE.md"), "w", encoding="utf-8") as f:
    f.write("# Language-identification dev set\n\n")
    f.write("Built by `tools/language_devset.py` from Universal Dependencies treebanks, "
            "github.com/UniversalDependencies/<treebank>, at the commits below. Paragraphs: "
            f"consecutive `# text` sentences joined until at least {MIN_CHARS} characters. "
            "PUD treebanks are news and Wikipedia sentences translated from the same 1,000 "
            "English and German sentences; the others are native text (Dutch Alpino: news; Persian "
            "Seraji: news and other genres; Ukrainian IU: mixed genres; Vietnamese VTB: news; "
            "Japanese GSD: Wikipedia). Evaluation only: not committed, not used for training.\n\n")
    f.write("| language | treebank | file | commit | licence (README) | sentences | paragraphs |\n|---|---|---|---|---|---|---|\n")
    for lang, name, path, commit, lic, n, c in sources:
        f.write(f"| {lang} | {name} | {path} | {commit} | {lic} | {n} | {c} |\n")
    f.write(f"\nTotal: {len(rows)} paragraphs. Ukrainian IU is CC BY-NC-SA 4.0 (non-commercial): "
            "used here for evaluation only.\n")
print(f"language_devset: {len(rows)} paragraphs in {len(sources)} languages -> {out_dir}", file=sys.stderr)
