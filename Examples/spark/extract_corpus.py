#!/usr/bin/env python3
"""Run `assay extract` over a corpus as a stage of a Spark job and write the results as Parquet.

    python3 Examples/spark/extract_corpus.py --assay PATH_TO_ASSAY --with NAMES INPUT OUTPUT_DIR

INPUT is JSON Lines (`{"id", "text", ...metadata}` per line; a file, a folder or a glob) or
Parquet (a `.parquet` path or `--input-format parquet`) with `id`, `text` and any metadata columns.
Each partition is piped through one `assay extract --error-lines` process (Spark's `RDD.pipe()`):
the batch contract gives one output line per input line, in order, so nothing is lost silently.

Output, both Parquet:
- OUTPUT_DIR/annotations/: one row per annotation: `doc_id`, `extractor`, `start`, `end`, `text`,
  and `fields` (map of the annotation's other fields; strings as they are, numbers and booleans
  as their JSON text, null as null).
- OUTPUT_DIR/documents/: one row per non-blank input line: `doc_id`, `position` (1-based, in
  input order), `annotations` (how many), `error` and `error_code` (null unless
  Assay could not read the line), and the document's metadata: every input column besides
  `text`, as a typed column when the input is Parquet or JSON Lines that Spark can read.
"""
import argparse
import json
import os
import shlex
import sys

from pyspark.sql import SparkSession, Row
from pyspark.sql import functions as F
from pyspark.sql import types as T

ANNOTATION_SCHEMA = T.StructType([
    T.StructField("doc_id", T.StringType()),
    T.StructField("extractor", T.StringType()),
    T.StructField("start", T.LongType()),
    T.StructField("end", T.LongType()),
    T.StructField("text", T.StringType()),
    T.StructField("fields", T.MapType(T.StringType(), T.StringType())),
])

STATUS_SCHEMA = T.StructType([
    T.StructField("position", T.LongType()),
    T.StructField("doc_id", T.StringType()),
    T.StructField("annotations", T.LongType()),
    T.StructField("error", T.StringType()),
    T.StructField("error_code", T.StringType()),
])

CORE_KEYS = {"extractor", "start", "end", "text"}


def field_text(value):
    """An annotation field as a string column value: strings as they are, the rest as JSON."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def parse_arguments(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--assay", required=True,
                   help="the assay executable on every executor (a path on each node, or a name shipped with --files/--archives)")
    p.add_argument("--with", dest="extractors", required=True, help="extractors, comma-separated (as assay extract --with)")
    p.add_argument("--input-format", choices=["auto", "jsonl", "parquet"], default="auto")
    p.add_argument("--partitions", type=int, default=0, help="repartition the input first (0: keep Spark's split)")
    p.add_argument("--threads", type=int, default=0,
                   help="ASSAY_THREADS for each assay process (0: all cores of the executor; set it to spark.task.cpus)")
    p.add_argument("--batch-size", type=int, default=256, help="assay extract --batch-size")
    p.add_argument("--master", default=None, help="Spark master when not run through spark-submit, e.g. local[2]")
    p.add_argument("input")
    p.add_argument("output")
    return p.parse_args(argv)


def is_parquet(args):
    if args.input_format != "auto":
        return args.input_format == "parquet"
    return args.input.rstrip("/").endswith(".parquet")


def input_lines(spark, args):
    """The corpus as (JSON line, metadata DataFrame or None). JSON Lines go through unchanged, so
    a malformed line reaches Assay and comes back as an error row rather than vanishing."""
    if is_parquet(args):
        frame = spark.read.parquet(args.input)
        if "id" not in frame.columns or "text" not in frame.columns:
            sys.exit(f"extract_corpus: {args.input} needs 'id' and 'text' columns (has {', '.join(frame.columns)})")
        frame = frame.withColumn("id", F.col("id").cast("string"))
        return frame.toJSON(), frame.drop("text")
    lines = spark.sparkContext.textFile(args.input).filter(lambda line: line.strip() != "")
    metadata = spark.read.option("mode", "DROPMALFORMED").json(args.input)
    if "id" in metadata.columns:
        metadata = metadata.drop(*[c for c in ("text", "targets") if c in metadata.columns])
        metadata = metadata.withColumn("id", F.col("id").cast("string"))
    else:
        metadata = None
    return lines, metadata


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    builder = SparkSession.builder.appName("assay-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")

    lines, metadata = input_lines(spark, args)
    # Positions are taken before any repartitioning, so the documents table keeps input order.
    indexed = lines.zipWithIndex()
    if args.partitions > 0:
        indexed = indexed.repartition(args.partitions)
    indexed.cache()
    command = [args.assay, "extract", "--with", args.extractors, "--error-lines",
               "--batch-size", str(args.batch_size), "-"]
    env = {"ASSAY_THREADS": str(args.threads)} if args.threads > 0 else {}
    # checkCode: a crashed or killed assay fails the task (and Spark retries it) instead of
    # leaving a partition's output short.
    piped = indexed.keys().pipe(" ".join(shlex.quote(c) for c in command), env=env, checkCode=True)
    # --error-lines answers every input line with one output line in order, so each output
    # pairs with its input's position (zip also fails loudly if a partition came back short).
    results = indexed.values().zip(piped.map(json.loads))
    results.cache()

    def annotation_rows(pair):
        obj = pair[1]
        for a in obj.get("annotations", []):
            fields = {k: field_text(v) for k, v in a.items() if k not in CORE_KEYS}
            yield (obj.get("id"), a.get("extractor"), a.get("start"), a.get("end"), a.get("text"), fields)

    annotations = spark.createDataFrame(results.flatMap(annotation_rows), ANNOTATION_SCHEMA)

    def status_row(pair):
        index, obj = pair
        return (index + 1, obj.get("id"), len(obj.get("annotations", [])), obj.get("error"), obj.get("code"))

    status = spark.createDataFrame(results.map(status_row), STATUS_SCHEMA)
    documents = status
    if metadata is not None:
        documents = status.join(metadata.withColumnRenamed("id", "doc_id").dropDuplicates(["doc_id"]),
                                on="doc_id", how="left").orderBy("position")

    annotations.write.mode("overwrite").parquet(os.path.join(args.output, "annotations"))
    documents.write.mode("overwrite").parquet(os.path.join(args.output, "documents"))
    failed = status.filter(F.col("error").isNotNull()).count()
    total = status.count()
    print(f"extract_corpus: {total} documents, {annotations.count()} annotations, {failed} input lines failed"
          f" -> {args.output}", file=sys.stderr)
    spark.stop()


if __name__ == "__main__":
    main()
