#!/usr/bin/env python3
"""Builds the seed corpora under tests/fuzz/corpus/<target>/ from data/samples and the corpus
tests (tests/corpus/*.cpp: the quoted sentences). The output is committed, so this only needs
running again when those sources change a lot:

    python3 tests/fuzz/make_seeds.py [build/check/crosscheck]

Given the CLI, the JSON Lines seeds also hold what `crosscheck claims data/samples` writes."""
import hashlib, os, re, glob, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
out = os.path.join(root, "tests", "fuzz", "corpus")

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

samples = sorted(glob.glob(os.path.join(root, "data", "samples", "*.txt")))
texts = [open(p, encoding="utf-8").read() for p in samples]

# Sentences quoted in the corpus tests: string literals of 20 characters or more.
lit = re.compile(r'"((?:[^"\\]|\\.){20,})"')
sentences = []
for p in sorted(glob.glob(os.path.join(root, "tests", "corpus", "*.cpp"))):
    for m in lit.finditer(open(p, encoding="utf-8").read()):
        s = m.group(1).encode().decode("unicode_escape").encode("latin-1", "ignore")
        try:
            s = s.decode("utf-8")
        except UnicodeDecodeError:
            continue
        s = s.replace("[", "").replace("]", "")
        if " " in s:
            sentences.append(s)

# fuzz_pipeline: each sample's paragraphs, and groups of corpus sentences.
for t in texts:
    for para in t.split("\n\n"):
        if para.strip():
            put("fuzz_pipeline", para.strip() + "\n")
for i in range(0, len(sentences), 8):
    put("fuzz_pipeline", " ".join(sentences[i:i + 8]) + "\n")

# fuzz_manifest: the samples' manifest, a front matter article, and both together.
manifest = open(os.path.join(root, "data", "samples", "manifest.yaml"), encoding="utf-8").read()
front = open(os.path.join(root, "data", "samples", "05_asia_pacific_herald.txt"), encoding="utf-8").read()
put("fuzz_manifest", manifest)
put("fuzz_manifest", "documents:\n  - file: a.txt\n    source: Wire\n    published: 2024-06-19T16:24:00+09:00\n%%\n" +
    texts[0][:600])
put("fuzz_manifest", "documents: []\n%%\n" + front[:900])
put("fuzz_manifest", "%%\n---\nsource: X\npublished: 2024-06-19 16:24\n---\nPutin arrived at 2:46 a.m.\n")

# fuzz_rules: each vocabulary file, cut to its first 60 lines (merge_file takes any top-level key).
for p in sorted(glob.glob(os.path.join(root, "data", "*.yaml"))):
    lines = open(p, encoding="utf-8").read().split("\n")
    put("fuzz_rules", "\n".join(lines[:60]) + "\n")

# fuzz_values: a kind byte (claim_kind order: time_of_day, date, duration, count, quantity,
# person_name, person_role, article) and a raw value.
values = {
    0: ["2:46 a.m.", "02:46+09:00", "after 2 am", "12/01/2011 02:07 PM EST", "00:00-06:00+09:00", "02h+09:00",
        "14.20 BST", "noon", "in the early hours"],
    1: ["2000-07-19", "2000-07", "2024", "June 19, 2024", "Wednesday, July 19, 2000", "2024-02-30"],
    2: ["two days", "[172800, 172800]", "nearly 24 years", "[3600, +inf)", "an hour and a half"],
    3: ["11", "[11, +inf)", "about 2,000", "thousands", "99999999999999999999"],
    4: ["260000 tonne", "[1.5, 2] km", "12 degrees celsius"],
    5: ["Kim Jong-un|Kim Jong Un", "Sergey Lavrov|Sergei Lavrov", "Andrei Beluosov|Andrei Belousov",
        "Ushakov|Yuri Ushakov", "Nguyễn Văn A|Nguyen Van A"],
    6: ["press_secretary@kremlin", "Kremlin press secretary", "adviser to the president", "Defense Minister"],
    7: ["article 4 of the 2024 treaty", "treaty#4", "article four, paragraph 2 of the treaty"],
}
for k, vs in values.items():
    for v in vs:
        put("fuzz_values", bytes([k]) + v.encode())

# fuzz_jsonl: claims as `crosscheck claims` writes them (hand-made, all kinds) and raw values.
jsonl = [
    '{"source":"A","subject":"arrival:putin@pyongyang","attribute":"time","value":"02:46+09:00","kind":"time_of_day"}',
    '{"source":"B","subject":"arrival:putin@pyongyang","attribute":"time","value":"2:22 a.m. KST"}',
    '{"source":"C","subject":"arrival:putin@pyongyang","attribute":"time","value":"after 2 am","modality":"reported","hedge":"after"}',
    '{"source":"A","subject":"visit:putin","attribute":"date","value":"2024-06-19","occasion":"2024","weekday":3}',
    '{"source":"B","subject":"visit:putin","attribute":"date","value":"June 18, 2024","kind":"date","zone":"+03:00"}',
    '{"source":"A","subject":"visit:putin","attribute":"length","value":"two days","kind":"duration"}',
    '{"source":"A","subject":"crowd","attribute":"count","value":"[11, +inf)","kind":"count"}',
    '{"source":"A","subject":"person:andrei belousov","attribute":"name","value":"Andrei Belousov","kind":"person_name"}',
    '{"source":"B","subject":"person:andrei belousov","attribute":"name","value":"Andrei Beluosov","kind":"person_name"}',
    '{"source":"A","subject":"person:andrei belousov","attribute":"role","value":"defense_minister@russia","kind":"person_role"}',
    '{"document":"d1","subject":"treaty","attribute":"article","value":"article 4 of the 2024 treaty","kind":"article"}',
    '{"source":"A","subject":"s","attribute":"a","value":"260000 tonne","kind":"quantity","start":5,"end":9,"text":"x"}',
]
put("fuzz_jsonl", "\n".join(jsonl[:3]) + "\n")
put("fuzz_jsonl", "\n".join(jsonl[3:6]) + "\n")
put("fuzz_jsonl", "\n".join(jsonl[6:]) + "\n")
put("fuzz_jsonl", "\n".join(jsonl) + "\n\nnot json\n[1,2]\n")

if len(sys.argv) > 1:
    run = subprocess.run([sys.argv[1], "claims", os.path.join(root, "data", "samples")], capture_output=True, text=True)
    lines = [l for l in run.stdout.split("\n") if l]
    for i in range(0, len(lines), 5):
        put("fuzz_jsonl", "\n".join(lines[i:i + 5]) + "\n")
