"""The web app: HTML pages and a JSON API over the same facades as the CLI.

``aicareers.web.app.create_app(settings)`` builds it; ``aicareers serve`` runs it.
"""
