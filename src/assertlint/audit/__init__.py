"""`assertlint audit`: tone over whole archives (chat exports, mailing lists, issue trackers).

The layout follows the data:

    readers/     one module per input format: plan (cut an archive into partitions, streaming, on
                 the client) and read (one partition's messages, on a worker)
    backend      the one door to the linter: the Session contract's batched `check_texts`
    process      one partition: read → check → rows → Parquet part files (no Dask here)
    parts        the output folder: job manifest, per-partition part files, resume, final assembly
    cluster      Dask: a LocalCluster on the local cores or a scheduler address, the worker
                 plugin that loads the model once per worker, tasks per partition, progress
    summary      aggregates over messages.parquet / findings.parquet (time, channel, author, rules)
    html         report.html (self-contained: inline CSS and SVG, no script, no network)
    terminal     the same summary with rich
    progress     the rich progress bar (messages/s, ETA)
    run          the whole audit, start to end; command is the thin click layer over it

Dask and pyarrow come with the `audit` extra (`pip install "assertlint[audit]"`); nothing in this
package is imported by the plain linter.
"""
