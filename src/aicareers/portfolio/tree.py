"""Draw relative file paths as a tree, the way the guide sketches a portfolio."""

from __future__ import annotations

from collections.abc import Iterable

Node = dict[str, "Node"]


def _nest(paths: Iterable[str]) -> Node:
    root: Node = {}
    for path in paths:
        node = root
        for part in path.split("/"):
            node = node.setdefault(part, {})
    return root


def tree_lines(label: str, paths: Iterable[str]) -> list[str]:
    """``label/``, then a line per file and folder in the order given; folders end in ``/``."""
    lines = [label.rstrip("/") + "/"]

    def walk(node: Node, indent: str) -> None:
        entries = list(node.items())
        for index, (name, children) in enumerate(entries):
            last = index == len(entries) - 1
            lines.append(f"{indent}{'└── ' if last else '├── '}{name}{'/' if children else ''}")
            walk(children, indent + ("    " if last else "│   "))

    walk(_nest(paths), "")
    return lines
