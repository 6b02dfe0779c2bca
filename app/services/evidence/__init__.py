"""Dispute evidence and letters as plain document models (no Qt).

`EvidenceService.build()` gathers one platform's records for one period into
an `EvidenceDocument`: the header, the summary in plain sentences, the flags,
the chronological detail (sessions, tasks, payouts, account events; each
record with how it was entered, when it was first recorded, and a mark when
it was edited after the fact), the deletions the audit log saw, the
attachments with their SHA-256, and the integrity part. The raw records are
written as a canonical CSV file (`csv_bytes`, embedded in the PDF) whose
SHA-256 is the report's fingerprint.

`EvidenceService.letter()` fills a `Letter` (formal notice to pay, GDPR data
request, request for an explanation of an automated decision) from the
ledger, in English or French.

Both turn into a `Document`: a list of generic blocks (headings, paragraphs,
label/value fields, tables, images) that ui/render paints with QPainter on
a PDF writer, a printer or a preview image. The renderer knows nothing of
evidence; every word it prints comes from here.

Sentences go through `EvidenceText.gettext()`, i.e. the core catalogue
(resources/locale). The letters' legal text is written per language
(`legal.LETTERS`), both complete.

The modules:
  document.py   the generic blocks and `Document` (what ui/render paints)
  text.py       `EvidenceText` (sentences, money, dates, durations) and fast formatting
  records.py    reading the raw records, edits after the fact, deletions, attachments
  csvdata.py    the canonical CSV and its SHA-256 (the fingerprint)
  sections.py   the table rows and CSV rows of each kind of record
  summary.py    the summary sentences
  report.py     `EvidenceService` and `EvidenceDocument`
  letters.py    `Letter` and how it is filled from the ledger
  legal.py      the letters' legal text in each language
"""

from __future__ import annotations

from app.services.evidence.csvdata import CSV_COLUMNS, fingerprint_of
from app.services.evidence.document import (
    PAPERS,
    Block,
    Column,
    Document,
    EmbeddedFile,
    Fields,
    Heading,
    ImageItem,
    Images,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from app.services.evidence.letters import (
    DEFAULT_DEMAND_DAYS,
    GDPR_REPLY_DAYS,
    LETTER_KINDS,
    REVIEW_REPLY_DAYS,
    Letter,
)
from app.services.evidence.report import (
    EvidenceDocument,
    EvidenceService,
    Integrity,
)
from app.services.evidence.sections import AttachmentEntry, Section
from app.services.evidence.text import EvidenceText

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_DEMAND_DAYS",
    "GDPR_REPLY_DAYS",
    "LETTER_KINDS",
    "PAPERS",
    "REVIEW_REPLY_DAYS",
    "AttachmentEntry",
    "Block",
    "Column",
    "Document",
    "EmbeddedFile",
    "EvidenceDocument",
    "EvidenceService",
    "EvidenceText",
    "Fields",
    "Heading",
    "ImageItem",
    "Images",
    "Integrity",
    "Letter",
    "PageBreak",
    "Paragraph",
    "Section",
    "Spacer",
    "Table",
    "fingerprint_of",
]
