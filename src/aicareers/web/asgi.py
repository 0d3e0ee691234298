"""``app`` for ASGI servers (``uvicorn aicareers.web.asgi:app``), settings from the environment.

Each worker process imports this module and so opens its own store; the secret key comes
from AICAREERS_SECRET_KEY or the shared key file, so every worker accepts every session.
"""

from __future__ import annotations

from .app import create_app

app = create_app()
