"""The engine: pure functions from plain values to plain values (no files, network or clock)."""
