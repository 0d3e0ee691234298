"""The version of aicareers, declared once: every module that needs it imports it from here."""

__version__ = "0.1.0"
