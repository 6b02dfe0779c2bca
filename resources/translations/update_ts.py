"""Refresh and build the window's translations (Qt Linguist files).

    .venv/bin/python resources/translations/update_ts.py           # source → clickwage_fr.ts
    .venv/bin/python resources/translations/update_ts.py --fill F  # apply {"English": "French"}
    .venv/bin/python resources/translations/update_ts.py --release # clickwage_fr.ts → .qm

The .ts files are committed; the .qm files are built from them and shipped in
the package (resources/translations/). Strings of the core and the command
line are translated separately, in resources/locale/ (gettext).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("fr",)


def _tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "ui" / "gui").rglob("*.py"))


def update() -> None:
    for language in LANGUAGES:
        target = HERE / f"clickwage_{language}.ts"
        subprocess.run(
            [_tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
             "-target-language", language, "-ts", str(target.relative_to(ROOT))],
            check=True, cwd=ROOT,
        )


def fill(mapping_file: Path) -> None:
    mapping: dict[str, str] = json.loads(mapping_file.read_text(encoding="utf-8"))
    for language in LANGUAGES:
        path = HERE / f"clickwage_{language}.ts"
        tree = ElementTree.parse(path)
        for message in tree.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is not None and source in mapping:
                translation.text = mapping[source]
                translation.attrib.pop("type", None)
        tree.write(path, encoding="utf-8", xml_declaration=True)


def unfinished(language: str = "fr") -> list[str]:
    tree = ElementTree.parse(HERE / f"clickwage_{language}.ts")
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished") or not (
            translation.text or ""
        ).strip():
            missing.append(message.findtext("source") or "")
    return missing


def release() -> None:
    for language in LANGUAGES:
        subprocess.run(
            [_tool("pyside6-lrelease"), str(HERE / f"clickwage_{language}.ts"),
             "-qm", str(HERE / f"clickwage_{language}.qm")],
            check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fill", type=Path)
    parser.add_argument("--release", action="store_true")
    parser.add_argument("--missing", action="store_true")
    args = parser.parse_args()
    if args.fill:
        fill(args.fill)
    elif args.release:
        release()
    elif args.missing:
        for source in unfinished():
            print(json.dumps(source, ensure_ascii=False))
    else:
        update()


if __name__ == "__main__":
    main()
