"""Tables of rows (CSV, JSONL, Parquet) read in chunks: shared by batch assessment and postings."""
