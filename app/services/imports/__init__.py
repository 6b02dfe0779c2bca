"""Importing history: native CSV, MTurk, Prolific and Toloka files, and Clickwage's JSON dump."""

from app.services.imports.job import ImportOptions
from app.services.imports.results import (
    ImportCancelled,
    ImportRefused,
    ImportSummary,
    Issue,
)
from app.services.imports.service import FORMATS, ImportService, Preview

__all__ = [
    "FORMATS",
    "ImportCancelled",
    "ImportOptions",
    "ImportRefused",
    "ImportService",
    "ImportSummary",
    "Issue",
    "Preview",
]
