"""Write python3-clickwage-deps.json: the Flatpak module with Clickwage's Python dependencies.

    .venv/bin/python packaging/linux/flatpak_deps.py

The versions are those installed in the venv that runs this script (the ones the tests
passed with). PySide6 and NumPy are not listed: the io.qt.PySide.BaseApp base app
provides them. Wheels are chosen for the runtime's Python (org.kde.Platform 6.10 is on
freedesktop 25.08, Python 3.13) on x86_64 and aarch64 by pip's own resolver
(`pip install --dry-run --report`), which also gives each file's URL and SHA-256.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = HERE / "python3-clickwage-deps.json"
PACKAGES = (
    "SQLAlchemy", "typing_extensions", "alembic", "Mako", "MarkupSafe", "matplotlib",
    "contourpy", "cycler", "fonttools", "kiwisolver", "packaging", "pillow", "pyparsing",
    "python-dateutil", "tzdata", "babel", "platformdirs",
)
ARCHES = ("x86_64", "aarch64")


def pinned() -> list[str]:
    return [f"{name}=={importlib.metadata.version(name)}" for name in PACKAGES]


def resolve(arch: str, python_version: str, requirements: list[str]) -> list[dict[str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        platforms: list[str] = []
        for tag in ("manylinux_2_28", "manylinux_2_17", "manylinux2014"):
            platforms += ["--platform", f"{tag}_{arch}"]
        # PyPI's own addresses, whatever mirrors or wheel folders this machine's pip uses.
        environment = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
        environment["PIP_CONFIG_FILE"] = os.devnull
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
             "--index-url", "https://pypi.org/simple",
             "--no-deps", "--only-binary=:all:", "--python-version", python_version,
             *platforms, "--target", str(Path(folder) / "target"), "--quiet",
             "--report", str(report), *requirements],
            check=True,
            env=environment,
        )
        installed = json.loads(report.read_text(encoding="utf-8"))["install"]
    return [
        {
            "url": item["download_info"]["url"],
            "sha256": item["download_info"]["archive_info"]["hashes"]["sha256"],
        }
        for item in installed
    ]


def module(python_version: str) -> dict[str, object]:
    requirements = pinned()
    sources: dict[str, dict[str, object]] = {}
    for arch in ARCHES:
        for item in resolve(arch, python_version, requirements):
            entry = sources.setdefault(
                item["url"], {"type": "file", "url": item["url"], "sha256": item["sha256"],
                              "only-arches": []},
            )
            arches = entry["only-arches"]
            assert isinstance(arches, list)
            arches.append(arch)
    for entry in sources.values():
        if sorted(entry["only-arches"]) == sorted(ARCHES):  # type: ignore[arg-type]
            del entry["only-arches"]
    names = " ".join(f'"{requirement}"' for requirement in requirements)
    return {
        "name": "python3-clickwage-deps",
        "buildsystem": "simple",
        "build-commands": [
            "pip3 install --verbose --exists-action=i --no-index --find-links=\"file://${PWD}\" "
            f"--prefix=${{FLATPAK_DEST}} --no-build-isolation {names}"
        ],
        "sources": list(sources.values()),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python-version", default="3.13",
                        help="the Flatpak runtime's Python (default 3.13)")
    args = parser.parse_args()
    TARGET.write_text(json.dumps(module(args.python_version), indent=2) + "\n",
                      encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
