"""The navigator shared by the commands of one run."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ..service.catalog import Navigator


def navigator() -> Navigator:
    """The navigator of this run: the one the caller passed as ``obj``, else the shipped one."""
    root = click.get_current_context().find_root()
    if root.obj is None:
        # Imported here so that --help and --version never read the catalog.
        from ..service.catalog import Navigator

        root.obj = Navigator()
    nav: Navigator = root.obj
    return nav
