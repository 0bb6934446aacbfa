#!/usr/bin/env python3
"""End-to-end check of Examples/spark and of the Hadoop streaming recipe, against `assay extract`.

    python3 Tests/Integration/spark_example_check.py PATH_TO_ASSAY

Builds a corpus (the seed articles with outlet and date metadata, a few hundred generated
documents, a malformed line), runs Examples/spark/extract_corpus.py in Spark local mode
(local[2]) and checks its Parquet output row by row against `assay extract --error-lines` run
directly on the same lines; runs Examples/spark/quotes_by_speaker.py and checks its counts;
runs the streaming mapper the way Hadoop streaming does (split input, one mapper per split,
`sort`) and checks it gives the same lines. Prints `spark: N passed, N failed` and exits 1 on a
failure.
"""
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXTRACTORS = "numbers,quotes"
passed, failed = 0, 0


def check(name, condition, detail=""):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", file=sys.stderr)


def make_corpus(path):
    """Returns the input lines written to `path`: seeds, a malformed line, generated documents."""
    lines = []
    seeds = sorted(f for f in os.listdir(os.path.join(ROOT, "seeds")) if f.endswith(".txt"))
    for i, name in enumerate(seeds):
        with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
            lines.append(json.dumps({"id": name[:-4], "text": f.read(), "outlet": ["TASS", "Reuters"][i % 2],
                                     "date": f"2025-05-0{i + 1}"}, ensure_ascii=False))
    lines.append('{"id": "broken", "text": ')
    speakers = ["Jane Miller", "Omar Haddad", "Li Wei", "Ana Souza"]
    for i in range(300):
        who = speakers[i % len(speakers)]
        text = (f"Budget talks, day {i + 1}\n\n“We will cut the deficit by {i % 40 + 1}%,” said {who}, "
                f"the finance minister. The plan costs ${i + 2} billion over {i % 9 + 2} years.\n\n"
                f"Critics called it “reckless”. {who.split()[1]} said the first vote would come on the "
                f"{i % 28 + 1}th.")
        lines.append(json.dumps({"id": f"gen-{i:03d}", "text": text, "outlet": ["AP", "BBC", "NPR"][i % 3],
                                 "date": f"2024-{i % 12 + 1:02d}-15", "page": i}, ensure_ascii=False))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return lines


def run(command, **kw):
    return subprocess.run(command, capture_output=True, text=True, **kw)


def annotation_key(doc_id, a):
    fields = {k: (v if v is None or isinstance(v, str) else json.dumps(v, ensure_ascii=False))
              for k, v in a.items() if k not in ("extractor", "start", "end", "text")}
    return (doc_id, a["extractor"], a["start"], a["end"], a["text"], tuple(sorted(fields.items())))


def main():
    assay = os.path.abspath(sys.argv[1])
    work = tempfile.mkdtemp(prefix="assay-spark-")
    corpus = os.path.join(work, "corpus.jsonl")
    lines = make_corpus(corpus)

    direct = run([assay, "extract", "--with", EXTRACTORS, "--error-lines", corpus])
    check("direct run exits 0 with --error-lines", direct.returncode == 0, direct.stderr)
    expected = [json.loads(l) for l in direct.stdout.splitlines()]
    check("one output line per input line", len(expected) == len(lines), f"{len(expected)} != {len(lines)}")
    check("the malformed line is an error line in place",
          expected[5].get("id") is None and expected[5].get("code") == "E304", str(expected[5]))

    out = os.path.join(work, "out")
    job = run([sys.executable, os.path.join(ROOT, "Examples/spark/extract_corpus.py"), "--master", "local[2]",
               "--partitions", "3", "--assay", assay, "--with", EXTRACTORS, corpus, out])
    check("extract_corpus.py succeeds", job.returncode == 0, job.stderr[-2000:])
    check("extract_corpus.py reports the failed line", "1 input lines failed" in job.stderr, job.stderr[-500:])

    question = run([sys.executable, os.path.join(ROOT, "Examples/spark/quotes_by_speaker.py"), "--master", "local[2]",
                    out, "--csv", os.path.join(work, "answer")])
    check("quotes_by_speaker.py succeeds", question.returncode == 0, question.stderr[-2000:])

    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.showConsoleProgress", "false")
             .appName("assay-spark-check").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    documents = sorted(spark.read.parquet(os.path.join(out, "documents")).collect(), key=lambda r: r["position"])
    annotations = spark.read.parquet(os.path.join(out, "annotations")).collect()

    check("a documents row per input line", len(documents) == len(expected), f"{len(documents)} rows")
    metadata = {}
    for line in lines:
        try:
            obj = json.loads(line)
            metadata[obj["id"]] = obj
        except ValueError:
            pass
    for row, want in zip(documents, expected):
        # An error names where its line was read (a partition's stdin here, the file there).
        ok = (row["doc_id"] == want.get("id") and (row["error"] is None) == (want.get("error") is None)
              and row["error_code"] == want.get("code") and row["annotations"] == len(want.get("annotations", [])))
        if want.get("id") is not None:
            meta = metadata[want["id"]]
            ok = ok and row["outlet"] == meta["outlet"] and row["date"] == meta["date"]
        check(f"documents row {row['position']}", ok, f"{row} vs {want}")

    got = Counter(annotation_key(r["doc_id"], {"extractor": r["extractor"], "start": r["start"], "end": r["end"],
                                               "text": r["text"], **(r["fields"] or {})}) for r in annotations)
    # Parquet holds fields as text; compare both sides in that form.
    want = Counter(annotation_key(o["id"], a) for o in expected for a in o.get("annotations", []))
    check("annotation rows equal assay extract's annotations", got == want,
          f"{sum((got - want).values())} extra, {sum((want - got).values())} missing")

    answer_files = [f for f in os.listdir(os.path.join(work, "answer")) if f.endswith(".csv")]
    answer = spark.read.option("header", True).csv(os.path.join(work, "answer", answer_files[0])).collect()
    spark.stop()
    counted = Counter()
    for o in expected:
        for a in o.get("annotations", []):
            if a["extractor"] == "quotes":
                meta = metadata[o["id"]]
                counted[(a.get("speaker") or "", meta["outlet"], meta["date"][:7])] += 1
    answered = Counter({(r["speaker"] or "", r["outlet"], r["month"]): int(r["quotes"]) for r in answer})
    check("quotes per speaker, outlet and month", answered == counted,
          f"{len(answered)} groups vs {len(counted)}")
    check("the question has answers", sum(counted.values()) > 300, str(sum(counted.values())))

    # Hadoop streaming: each map task runs the mapper over its split; the framework sorts.
    splits = [lines[i::3] for i in range(3)]
    mapped = []
    for split in splits:
        m = run([assay, "extract", "--with", EXTRACTORS, "--error-lines", "-"], input="\n".join(split) + "\n")
        check("streaming mapper exits 0", m.returncode == 0, m.stderr)
        mapped += m.stdout.splitlines()
    shuffled = run(["sort"], input="\n".join(mapped) + "\n", env={**os.environ, "LC_ALL": "C"}).stdout.splitlines()
    direct_sorted = run(["sort"], input=direct.stdout, env={**os.environ, "LC_ALL": "C"}).stdout.splitlines()
    # An error line names where the line was read (a split's stdin, or the corpus file): compare codes.
    def comparable(line):
        obj = json.loads(line)
        return json.dumps({"id": obj["id"], "code": obj["code"]}) if "error" in obj else line
    check("streaming gives the same lines", sorted(map(comparable, shuffled)) == sorted(map(comparable, direct_sorted)),
          f"{len(shuffled)} vs {len(direct_sorted)}")

    print(f"spark: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
