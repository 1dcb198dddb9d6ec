"""The package's import structure: no import inside a function body, no import cycle between sharedshield's modules."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sharedshield"


def module_name(path: Path) -> str:
    """'src/sharedshield/questions/_model.py' -> 'sharedshield.questions._model'."""
    parts = ["sharedshield", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, ast.Module]:
    """Every module of the package, parsed."""
    return {
        module_name(p): ast.parse(p.read_text(encoding="utf-8"), filename=str(p)) for p in sorted(PACKAGE.rglob("*.py"))
    }


def imports_in_functions(tree: ast.Module) -> list[int]:
    """Line numbers of import statements inside a function or method body."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            lines += [n.lineno for n in ast.walk(node) if isinstance(n, ast.Import | ast.ImportFrom)]
    return sorted(set(lines))


def edges(name: str, tree: ast.Module, known: set[str]) -> set[str]:
    """The package's modules that module `name` imports (a name imported from a package counts if it is a submodule)."""
    package = name if any(k.startswith(name + ".") for k in known) else name.rsplit(".", 1)[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            for alias in node.names:
                if f"{target}.{alias.name}" in known:
                    out.add(f"{target}.{alias.name}")
                elif target in known:
                    out.add(target)
    out.discard(name)
    return out


def graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports."""
    trees = modules()
    return {name: edges(name, tree, set(trees)) for name, tree in trees.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle found by a depth-first search (each reported once, as the path that closes it)."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g.get(node, ())):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(g):
        if start not in state:
            visit(start, [start])
    return found


def test_no_import_inside_a_function_body():
    found = {name: lines for name, tree in modules().items() if (lines := imports_in_functions(tree))}
    assert not found, f"imports inside function bodies (move them to the top of the module): {found}"


def test_no_import_cycle():
    g = graph()
    g.pop("sharedshield", None)  # the package's __init__ gathers the learner-facing names; its modules never import it
    assert not cycles(g), f"import cycles: {[' -> '.join(c) for c in cycles(g)]}"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
    tree = ast.parse("def f():\n    import os\n    return os\n")
    assert imports_in_functions(tree) == [2]


def test_edges_resolve_relative_imports():
    known = {
        "sharedshield",
        "sharedshield.checks",
        "sharedshield.questions",
        "sharedshield.questions._model",
        "sharedshield.data",
    }
    tree = ast.parse("from ..data import Course\nfrom . import _model\nfrom .. import checks\n")
    assert edges("sharedshield.questions.n01", tree, known) == {
        "sharedshield.data",
        "sharedshield.questions._model",
        "sharedshield.checks",
    }
    assert edges("sharedshield.questions", ast.parse("from ._model import Question\n"), known) == {
        "sharedshield.questions._model"
    }
