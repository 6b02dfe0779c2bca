"""The generic document model ui/render paints: blocks, page furniture, embedded files."""

from __future__ import annotations

from dataclasses import dataclass, field

from app import __version__

PAPERS = ("a4", "letter")

# -- generic document blocks (what ui/render paints) ----------------------------------------


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 1: a section, 2: a sub-section


@dataclass(frozen=True)
class Paragraph:
    """Text that wraps to the width; explicit line breaks ("\\n") are kept."""

    text: str
    bold: bool = False
    small: bool = False
    align: str = "left"  # left, right
    indent: float = 0.0  # share of the text width left blank on the left
    bullet: bool = False
    space_after: float = 5.0  # points
    keep_together: bool = False  # start on a new page rather than split


@dataclass(frozen=True)
class Fields:
    """Label/value pairs in two columns (the header, the integrity part)."""

    rows: tuple[tuple[str, str], ...]
    label_share: float = 0.27


@dataclass(frozen=True)
class Column:
    title: str
    weight: float  # share of the table width
    align: str = "left"  # left, right


@dataclass
class Table:
    """Rows of cells; the title and the header row repeat on every page the table spans."""

    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[str, ...]]
    marked: frozenset[int] = frozenset()  # rows drawn with the edited-after-the-fact mark
    continued: str = ""  # appended to the title on continuation pages
    caption: str = ""  # a line above the header row, on every page the table spans


@dataclass(frozen=True)
class ImageItem:
    path: str
    caption: str


@dataclass(frozen=True)
class Images:
    """Thumbnails in a grid, each with its caption."""

    items: tuple[ImageItem, ...]


@dataclass(frozen=True)
class Spacer:
    points: float


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Fields | Table | Images | Spacer | PageBreak


@dataclass(frozen=True)
class EmbeddedFile:
    name: str
    data: bytes
    mime_type: str


@dataclass
class Document:
    """What a renderer needs: page furniture, blocks, files to embed, metadata."""

    title: str
    language: str
    blocks: list[Block]
    header_left: str = ""  # on every page
    header_right: str = ""
    footer_left: str = ""
    page_label: str = "Page {page} of {pages}"  # on every page, bottom right
    files: list[EmbeddedFile] = field(default_factory=list)
    author: str = ""
    subject: str = ""
    creator: str = f"Clickwage {__version__}"

    def page_text(self, page: int, pages: int) -> str:
        return self.page_label.format(page=page, pages=pages)
