"""Reading files as programs write them: encodings, separators, quoting, formula apostrophes,
and fuzzing of the CSV reader (only a sentence or a success, never a traceback)."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.errors import InvalidInput
from app.i18n import Translator
from app.services import Services
from app.services.imports import ImportOptions, ImportService
from app.services.imports.reading import (
    examine,
    header_key,
    neutralise,
    read_sample,
    sniff_delimiter,
    unneutralise,
)

TR = Translator("en")
ROWS = "platform,external_id,title,status,reward\nProlific,A1,Café,approved,0.45\n"


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "label", "codec"),
    [
        (ROWS.encode("utf-8"), "UTF-8", "utf-8"),
        (codecs.BOM_UTF8 + ROWS.encode("utf-8"), "UTF-8 (BOM)", "utf-8-sig"),
        (ROWS.encode("utf-16"), "UTF-16", "utf-16"),  # with its BOM
        (codecs.BOM_UTF16_BE + ROWS.encode("utf-16-be"), "UTF-16", "utf-16"),
        (ROWS.encode("utf-16-le"), "UTF-16LE", "utf-16-le"),  # no BOM: told by its zeros
        (ROWS.encode("cp1252"), "Windows-1252", "cp1252"),
        (ROWS.encode("utf-32"), "UTF-32", "utf-32"),
    ],
)
def test_encodings_are_recognised(tmp_path: Path, data: bytes, label: str, codec: str) -> None:
    facts = examine(write(tmp_path / "f.csv", data), TR)
    assert (facts.label, facts.encoding) == (label, codec)
    assert "Café" in read_sample(facts)
    assert read_sample(facts).startswith("platform")  # the BOM is not part of the text


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252 and not UTF-8 either.
    facts = examine(write(tmp_path / "f.csv", b"title\nabc\x81\xe9\n"), TR)
    assert facts.encoding == "latin-1"


def test_binary_files_and_damaged_utf16_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="not a text file"):
        examine(write(tmp_path / "a.csv", b"PK\x03\x04" + bytes(range(256)) * 4), TR)
    with pytest.raises(InvalidInput, match="damaged"):
        examine(write(tmp_path / "b.csv", codecs.BOM_UTF16_LE + b"a\x00b\x00\x00\xd8"), TR)
    with pytest.raises(InvalidInput, match="There is no file"):
        examine(tmp_path / "missing.csv", TR)
    with pytest.raises(InvalidInput, match="folder"):
        examine(tmp_path, TR)


def test_the_file_hash_is_its_sha256(tmp_path: Path) -> None:
    import hashlib

    data = ROWS.encode("utf-8") * 1000
    facts = examine(write(tmp_path / "f.csv", data), TR)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()
    assert facts.size == len(data)


# --------------------------------------------------------------------------- separators


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n0,45;1,50;x\n", ";"),  # decimal commas in a semicolon file
        ("a\tb\tc\n1,5\t2\t3\n", "\t"),
        ("a|b\n1|2\n", "|"),
        ('a,b\n"x;y;z",2\n', ","),  # a quoted value full of semicolons
        ('title;reward\n"one, two, three";0,45\n"four, five";1,00\n', ";"),
        ("single\nvalue\n", ","),
    ],
)
def test_separators_are_sniffed(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


def test_header_names_match_whatever_their_case_and_spacing() -> None:
    assert header_key(" External ID ") == "external_id"
    assert header_key("\ufeffPlatform") == "platform"
    assert header_key("duration-minutes") == "duration_minutes"
    assert header_key("Submission id") == "submission_id"
    assert header_key("ASSIGNMENT:status") == "assignment:status"


# --------------------------------------------------------------------------- formulas


@pytest.mark.parametrize("cell", ["=SUM(A1:A3)", "+1", "-5 stars", "@cmd", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert unneutralise(neutralise(cell)) == cell


@given(st.text(max_size=20))
def test_neutralising_is_undone_exactly(cell: str) -> None:
    safe = neutralise(cell)
    assert safe[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert unneutralise(safe) == cell


# --------------------------------------------------------------------------- whole files


@pytest.fixture
def importer(services: Services) -> ImportService:
    services.platforms.add("Prolific", currency="GBP")
    return ImportService(services.ctx)


def titles(services: Services) -> list[str | None]:
    return [t.title for t in services.tasks.list()]


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8"),
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-16"),
        lambda text: text.encode("cp1252"),
    ],
)
def test_a_spreadsheet_file_in_any_encoding_imports_the_same(
    importer: ImportService, services: Services, tmp_path: Path, encode: object
) -> None:
    text = (
        "Platform;External ID;Title;Status;Reward\r\n"
        'Prolific;A1;"Étude; ""café"" au\r\nlait";Approved;0,45\r\n'
        "Prolific;A2;Naïve;pending;1,50\r\n"
    )
    assert callable(encode)
    path = write(tmp_path / "sheet.csv", encode(text))
    summary = importer.run(path)
    assert summary.count("tasks").added == 2
    assert summary.delimiter == "semicolon"
    assert titles(services) == ['Étude; "café" au\r\nlait', "Naïve"]
    assert [t.reward for t in services.tasks.list()] == [45, 150]


def test_blank_lines_and_empty_rows_are_skipped(
    importer: ImportService, services: Services, tmp_path: Path
) -> None:
    path = write(
        tmp_path / "t.csv",
        b"platform,external_id,status,reward\n\nProlific,A1,approved,1\n,,,\n\n",
    )
    assert importer.run(path).count("tasks").added == 1


# --------------------------------------------------------------------------- fuzzing


def csv_text() -> st.SearchStrategy[str]:
    cell = st.one_of(
        st.sampled_from(
            [
                "Prolific",
                "A1",
                "approved",
                "pending",
                "0,45",
                "$0.50",
                "1.5",
                "",
                '"',
                "2026-03-05 09:15",
                "2026-03-05T08:00:00Z",
                "05/03/2026",
                "=1+1",
                "x\ny",
                "é",
            ]
        ),
        st.text(max_size=12),
    )
    row = st.lists(cell, min_size=0, max_size=8)
    header = st.lists(
        st.sampled_from(
            [
                "platform",
                "external_id",
                "status",
                "reward",
                "title",
                "started_at",
                "submitted_at",
                "decided_at",
                "duration_minutes",
                "bonus",
                "earned",
                "currency",
                "note",
                "x",
            ]
        ),
        min_size=0,
        max_size=8,
    )
    separator = st.sampled_from([",", ";", "\t"])

    @st.composite
    def build(draw: st.DrawFn) -> str:
        sep = draw(separator)
        buffer = io.StringIO()
        ending = draw(st.sampled_from(["\n", "\r\n"]))
        writer = csv.writer(buffer, delimiter=sep, lineterminator=ending)
        writer.writerow(draw(header))
        for cells in draw(st.lists(row, max_size=6)):
            writer.writerow(cells)
        text = buffer.getvalue()
        if draw(st.booleans()):  # break the quoting now and then
            text = text.replace('"', draw(st.sampled_from(["", '"""', "'"])), 1)
        return text

    return build()


FIXTURES = [HealthCheck.function_scoped_fixture]


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURES)
@given(
    text=csv_text(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    dry_run=st.booleans(),
)
def test_the_csv_reader_never_raises_anything_but_a_sentence(
    services: Services, tmp_path: Path, text: str, encoding: str, dry_run: bool
) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(text.encode(encoding, errors="replace"))
    before = services.audit.head()
    try:
        ImportService(services.ctx).run(path, ImportOptions(dry_run=dry_run))
    except InvalidInput as error:
        assert str(error).strip()
        assert "Traceback" not in str(error)
        assert services.audit.head() == before  # refused: nothing written
    assert services.audit.verify().intact


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.binary(max_size=300))
def test_random_bytes_give_a_sentence_or_an_import(
    services: Services, tmp_path: Path, data: bytes
) -> None:
    path = tmp_path / "bytes.csv"
    path.write_bytes(data)
    try:
        ImportService(services.ctx).run(path, ImportOptions(dry_run=True))
    except InvalidInput as error:
        assert str(error).strip()


def rows_of(path: Path) -> Iterator[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.reader(handle)


def test_the_wizard_preview(importer: ImportService, tmp_path: Path) -> None:
    path = write(
        tmp_path / "p.csv",
        "Platform;Status;Reward;Other\r\nProlific;approved;0,45;x\r\nProlific;pending;1;y\r\n".encode(
            "cp1252"
        ),
    )
    preview = importer.preview(path, rows=1)
    assert (preview.format, preview.encoding, preview.delimiter) == ("native", "UTF-8", "semicolon")
    assert preview.header == ["Platform", "Status", "Reward", "Other"]
    assert preview.rows == [["Prolific", "approved", "0,45", "x"]]
    assert preview.mapping == {"platform": 0, "status": 1, "reward": 2}
