"""The package boundaries hold: newsdates runs without Django, and no package imports one above it."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_it_imports_every_newsdates_module_with_django_unavailable():
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class NoDjango:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("django", "articles", "timeline", "dateline"):
                    raise ImportError(f"newsdates imported {name}")

        sys.meta_path.insert(0, NoDjango())
        import newsdates
        names = [m.name for m in pkgutil.walk_packages(newsdates.__path__, "newsdates.") if ".tests" not in m.name]
        for name in names:
            importlib.import_module(name)
        from newsdates.anchoring import annotate
        import datetime
        assert annotate("They met on Thursday.", datetime.date(2019, 4, 24))[0].value == "2019-04-18"
        print(len(names))
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) >= 10  # every module of the library was imported


def test_the_import_contracts_hold():
    # pyproject.toml [tool.importlinter]: newsdates is pure; dateline > timeline > articles > newsdates; no cycles
    result = subprocess.run([Path(sys.executable).with_name("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
