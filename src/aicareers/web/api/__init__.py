"""The JSON API under ``/api/v1``: the CLI's JSON documents over HTTP, described by OpenAPI.

Each module serves one noun (catalog, assess, occupations, market, plans, postings) and calls
the same facades as the CLI, so a response equals ``aicareers ... --format json`` for the
same input. ``v1.router`` gathers them; ``docs`` serves the offline docs page at ``/docs``.
"""
