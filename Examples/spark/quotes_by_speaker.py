#!/usr/bin/env python3
"""Answer an analyst's question on extract_corpus.py's output with Spark SQL: who is quoted how
often, per outlet and per month.

    python3 Examples/spark/quotes_by_speaker.py OUTPUT_DIR [--outlet-field outlet] [--date-field date]
        [--min 1] [--csv RESULT_DIR]

Reads OUTPUT_DIR/annotations and OUTPUT_DIR/documents, joins the quotes with their documents'
metadata and prints `speaker, outlet, month, quotes`, most quoted first. Documents without the
outlet or date column count under null; quotes with no speaker count under null too, so the
totals add up to every quote found.
"""
import argparse
import os
import sys

from pyspark.sql import SparkSession

QUERY = """
SELECT a.fields['speaker'] AS speaker,
       {outlet} AS outlet,
       {month} AS month,
       COUNT(*) AS quotes
FROM annotations a LEFT JOIN documents d ON a.doc_id = d.doc_id
WHERE a.extractor = 'quotes'
GROUP BY 1, 2, 3
HAVING COUNT(*) >= {minimum}
ORDER BY quotes DESC, speaker, outlet, month
"""


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("output", help="the OUTPUT_DIR extract_corpus.py wrote")
    p.add_argument("--outlet-field", default="outlet")
    p.add_argument("--date-field", default="date")
    p.add_argument("--min", type=int, default=1, help="leave out groups with fewer quotes")
    p.add_argument("--csv", default=None, help="also write the result as CSV into this folder")
    p.add_argument("--limit", type=int, default=50, help="rows to print")
    p.add_argument("--master", default=None)
    args = p.parse_args(sys.argv[1:] if argv is None else argv)

    builder = SparkSession.builder.appName("assay-quotes-by-speaker")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.config("spark.ui.showConsoleProgress", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    spark.read.parquet(os.path.join(args.output, "annotations")).createOrReplaceTempView("annotations")
    documents = spark.read.parquet(os.path.join(args.output, "documents"))
    documents.createOrReplaceTempView("documents")

    def column(name):
        return f"d.`{name}`" if name in documents.columns else "CAST(NULL AS STRING)"

    month = (f"date_format(to_date(CAST({column(args.date_field)} AS STRING)), 'yyyy-MM')"
             if args.date_field in documents.columns else "CAST(NULL AS STRING)")
    result = spark.sql(QUERY.format(outlet=column(args.outlet_field), month=month, minimum=args.min))
    result.show(args.limit, truncate=False)
    if args.csv:
        result.coalesce(1).write.mode("overwrite").option("header", True).csv(args.csv)
    spark.stop()


if __name__ == "__main__":
    main()
