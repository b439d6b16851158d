"""The layers of tmtool: every import between its top-level modules and packages points down a layer,
so there is no import cycle between them.

Imports are read with ``ast`` from every file under tmtool/, lazy imports inside functions included.
A unit is a top-level module (``lookup.py``) or package (``store/``); ``tmtool`` itself is the package's
``__init__.py`` (its public names). Check it with ``pytest tests/test_layers.py``.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "tmtool"

# Lowest first. A unit may import only from units of lower layers, not from one of its own layer.
LAYERS = (
    ("errors",),
    ("io", "langtags", "model", "progress"),
    ("text",),
    ("formats", "align"),
    ("terms",),
    ("store",),
    ("termindex",),
    ("pipeline", "search", "glossary"),
    ("ingest", "lookup", "transfer", "corrections"),
    ("check", "reextract"),
    ("api",),
    ("tmtool",),
    ("web",),
    ("cli",),
)

# Imports that point up a layer today; a new one fails the test.
KNOWN_VIOLATIONS: set[tuple[str, str]] = set()

# The command line is a thin layer over the API: besides it, it uses only the error type, the
# progress bars (presentation) and the web workbench that `tmtool serve` starts.
CLI_IMPORTS = {"api", "errors", "progress", "web"}


def units(package: Path) -> set[str]:
    """The top-level modules and packages of ``package``, and the package itself."""
    found = {package.name}
    for path in package.iterdir():
        if path.suffix == ".py" and path.stem != "__init__":
            found.add(path.stem)
        elif path.is_dir() and (path / "__init__.py").exists():
            found.add(path.name)
    return found


def imported_names(tree: ast.AST, module: tuple[str, ...], is_package: bool) -> set[str]:
    """The absolute dotted names imported anywhere in ``tree``, the source of ``module``: ``x`` for
    ``import x``, ``x.name`` for ``from x import name`` (a submodule or an attribute of ``x``)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                here = module if is_package else module[:-1]
                base = ".".join(here[: len(here) - node.level + 1] + ((node.module,) if node.module else ()))
            else:
                base = node.module
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph(package: Path) -> dict[str, set[str]]:
    """For each unit of ``package``, the other units it imports."""
    known = units(package)
    graph: dict[str, set[str]] = {unit: set() for unit in known}
    for path in package.rglob("*.py"):
        parts = (package.name, *path.relative_to(package).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        module = parts[:-1] if is_package else parts
        source = module[1] if len(module) > 1 else package.name
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for name in imported_names(tree, module, is_package):
            target = name.split(".")
            if target[0] != package.name:
                continue
            # a name that is no unit (``from tmtool import __version__``) comes from the package itself
            unit = target[1] if len(target) > 1 and target[1] in known else package.name
            if unit != source:
                graph[source].add(unit)
    return graph


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` (its units in order, the first repeated at the end), or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(unit: str) -> list[str] | None:
        state[unit] = "open"
        path.append(unit)
        for target in sorted(graph[unit]):
            if state.get(target) == "open":
                return path[path.index(target) :] + [target]
            if target not in state and (found := visit(target)):
                return found
        state[unit] = "done"
        path.pop()
        return None

    for unit in sorted(graph):
        if unit not in state and (found := visit(unit)):
            return found
    return None


def upward_imports(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(importer, imported) pairs where the imported unit is not in a lower layer."""
    layer = {unit: number for number, names in enumerate(LAYERS) for unit in names}
    return {(source, target) for source, targets in graph.items() for target in targets
            if layer[target] >= layer[source]}  # fmt: skip


def test_every_unit_has_a_layer():
    assert units(PACKAGE) == {unit for names in LAYERS for unit in names}


def test_no_import_cycle_between_units():
    assert cycle(import_graph(PACKAGE)) is None


def test_no_import_points_up_a_layer():
    assert upward_imports(import_graph(PACKAGE)) == KNOWN_VIOLATIONS


def test_the_graph_sees_every_kind_of_import(tmp_path):
    """Absolute, relative and lazy imports all count, and so do a cycle and an upward import."""
    package = tmp_path / "tmtool"
    for name in ("store", "text", "formats"):
        (package / name).mkdir(parents=True)
        (package / name / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "errors.py").write_text("import os\nfrom . import langtags\n")
    (package / "langtags.py").write_text("def f():\n    from .errors import E\n")
    (package / "store" / "db.py").write_text("from ..text.normalize import fold\nimport tmtool.formats.tmx\n")
    (package / "text" / "__init__.py").write_text("from .. import store\n")
    (package / "formats" / "tmx.py").write_text("from .. import __version__\n")
    graph = import_graph(package)
    assert graph == {"tmtool": set(), "errors": {"langtags"}, "langtags": {"errors"},
                     "store": {"text", "formats"}, "text": {"store"}, "formats": {"tmtool"}}  # fmt: skip
    assert cycle(graph) == ["errors", "langtags", "errors"]
    assert {("errors", "langtags"), ("text", "store"), ("formats", "tmtool")} <= upward_imports(graph)


def test_the_cli_stands_on_the_api_alone():
    graph = import_graph(PACKAGE)
    assert graph["cli"] <= CLI_IMPORTS
    assert not [unit for unit, imported in graph.items() if "cli" in imported]
