#!/usr/bin/env python3
"""Throughput of the Spark path against `assay extract` alone, on the same corpus and cores.

    python3 Benchmarks/spark_throughput.py CORPUS.jsonl [--with NAMES] [--master local[2]] [--runs 1]

e.g. `python3 Benchmarks/spark_throughput.py ../shared/data/perf/news.jsonl`. Builds assay in
release mode, then prints MB of text per second, wall clock and whole process: the Spark figure
includes starting the JVM, reading the corpus, piping it through assay and writing Parquet.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"spark_throughput: {command[0]} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus")
    p.add_argument("--with", dest="names", default="quotes,numbers,entities,sentiment")
    p.add_argument("--master", default="local[2]")
    p.add_argument("--runs", type=int, default=1, help="best of N runs")
    args = p.parse_args()
    corpus = os.path.abspath(args.corpus)
    subprocess.run(["swift", "build", "-c", "release", "--product", "assay"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    assay = os.path.join(bin_path, "assay")
    with open(corpus, encoding="utf-8") as f:
        mb = sum(len(json.loads(line)["text"].encode()) for line in f if line.strip()) / 1e6
    out = tempfile.mkdtemp(prefix="assay-spark-bench-")
    direct = min(timed([assay, "extract", "--with", args.names, "--error-lines", corpus]) for _ in range(args.runs))
    spark = min(timed([sys.executable, os.path.join(ROOT, "Examples/spark/extract_corpus.py"), "--master", args.master,
                       "--assay", assay, "--with", args.names, corpus, os.path.join(out, "run")])
                for _ in range(args.runs))
    print(f"corpus: {corpus} ({mb:.2f} MB of text), extractors: {args.names}")
    print(f"{'assay extract (all cores)':<36} {direct:7.2f} s {mb / direct:7.2f} MB/s")
    print(f"{'Spark ' + args.master + ', pipe() + Parquet':<36} {spark:7.2f} s {mb / spark:7.2f} MB/s")


if __name__ == "__main__":
    main()
