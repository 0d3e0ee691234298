"""Tests in a real browser: Playwright driving Debian's Chromium against the running app."""
