"""The service layer: the one facade the CLI, the web pages, the JSON API and batch call."""
