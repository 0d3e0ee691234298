"""The documents aicareers answers with: declared once, printed by the CLI, served by the web."""
