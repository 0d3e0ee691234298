"""Build tooling: turn the reference data into the artifacts shipped in the package.

Never imported when aicareers runs, only by ``aicareers data build``, ``python -m
aicareers.build.market`` and the benchmarks that refit models. May import any layer below the
service; nothing below the service imports it.
"""
