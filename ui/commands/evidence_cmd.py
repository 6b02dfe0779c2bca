"""`evidence` and `letter`: a PDF report to prove a dispute, and the letter that goes with it.

The documents are built by the app/services/evidence package and painted by ui/render (Qt is
imported inside the handlers only; without a display the offscreen platform is used).
The PDF is written next to its final name and moved into place when complete, so a
failure leaves nothing half-written.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import Any

from app.domain.errors import InvalidInput
from app.i18n import SUPPORTED_LANGUAGES, Translator
from app.services import Services
from app.services.evidence import LETTER_KINDS, PAPERS, Document, EvidenceService
from ui.commands.common import command, say
from ui.commands.reporting import period_of

_PLACEHOLDER = re.compile(r"\[[^\]\n]{2,80}\]")


def register(commands: Any, tr: Translator) -> None:
    _ = tr.gettext
    evidence = command(
        commands,
        "evidence",
        _("a PDF evidence report for one platform and period, with the raw data attached"),
        run_evidence,
    )
    evidence.set_defaults(month=None)
    evidence.add_argument("platform", metavar="PLATFORM")
    evidence.add_argument("--from", dest="first", metavar="DATE",
                          help=_("first day (included)"))
    evidence.add_argument("--to", dest="last", metavar="DATE", help=_("last day (included)"))
    _common_arguments(evidence, tr)
    letter = command(
        commands,
        "letter",
        _("a letter to the platform: formal notice to pay, GDPR data request, or request "
          "for an explanation of an automated decision"),
        run_letter,
    )
    letter.add_argument("platform", metavar="PLATFORM")
    letter.add_argument("kind", choices=LETTER_KINDS, metavar="KIND",
                        help=_("demand, gdpr-access or explanation"))
    letter.add_argument("--days", type=int, metavar="N",
                        help=_("deadline in days (demand: 15; explanation: 14)"))
    _common_arguments(letter, tr)


def _common_arguments(parser: argparse.ArgumentParser, tr: Translator) -> None:
    _ = tr.gettext
    parser.add_argument("--lang", choices=SUPPORTED_LANGUAGES,
                        help=_("language of the document (default: the interface language)"))
    parser.add_argument("--name", metavar="TEXT", help=_("your name, printed on the document"))
    parser.add_argument("--paper", choices=PAPERS, default="a4",
                        help=_("paper size (default: a4)"))
    parser.add_argument("--out", metavar="FILE.pdf", required=True,
                        help=_("the PDF file to write"))


def output_path(text: str, tr: Translator) -> Path:
    """The PDF to write, checked before anything is computed or written."""
    path = Path(text).expanduser()
    if path.suffix.lower() != ".pdf":
        raise InvalidInput(
            tr.gettext("The output file {path} must end in .pdf.").format(path=text)
        )
    if path.is_dir():
        raise InvalidInput(tr.gettext("{path} is a folder, not a file.").format(path=text))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InvalidInput(
            tr.gettext("The folder {folder} does not exist.").format(folder=folder)
        )
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InvalidInput(tr.gettext("{path} cannot be written here.").format(path=text))
    return path


def write_document(document: Document, path: Path, paper: str, tr: Translator) -> int:
    """Paint the document into `path` (via a temporary file beside it); returns the pages."""
    from ui.render import RenderError, ensure_application, write_pdf

    ensure_application()
    partial = path.with_name(f".{path.name}.part")
    try:
        pages = write_pdf(document, partial, paper)
        os.replace(partial, path)
    except (OSError, RenderError) as error:
        partial.unlink(missing_ok=True)
        raise InvalidInput(
            tr.gettext("{path} could not be written ({error}).").format(path=path, error=error)
        ) from None
    return pages


def run_evidence(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    path = output_path(args.out, tr)
    first, end = period_of(args, services)
    evidence = EvidenceService(services).build(
        args.platform, first, end, language=args.lang, name=args.name
    )
    pages = write_document(evidence.document(), path, args.paper, tr)
    say(
        tr.ngettext(
            "Wrote {path}: {pages} page, {tasks} tasks from {first} to {last}; data "
            "fingerprint (SHA-256) {fingerprint}, chain head {head}.",
            "Wrote {path}: {pages} pages, {tasks} tasks from {first} to {last}; data "
            "fingerprint (SHA-256) {fingerprint}, chain head {head}.",
            pages,
        ).format(
            path=path,
            pages=pages,
            tasks=len(evidence.task_ids),
            first=evidence.first.isoformat(),
            last=evidence.last.isoformat(),
            fingerprint=evidence.fingerprint,
            head=evidence.integrity.chain_head,
        )
    )
    if evidence.integrity.verified is False:
        say(
            tr.gettext(
                "Warning: `clickwage verify` found problems; the report says so. Run it to "
                "see them."
            )
        )
    return 0


def run_letter(args: argparse.Namespace, services: Services) -> int:
    tr = services.ctx.tr
    path = output_path(args.out, tr)
    letter = EvidenceService(services).letter(
        args.platform, args.kind, language=args.lang, name=args.name, days=args.days
    )
    pages = write_document(letter.document(), path, args.paper, tr)
    say(tr.ngettext("Wrote {path} ({pages} page).", "Wrote {path} ({pages} pages).", pages)
        .format(path=path, pages=pages))
    blanks = sorted(set(_PLACEHOLDER.findall(letter.full_text())))
    if blanks:
        say(
            tr.gettext("Before you sign and send it, fill in: {blanks}").format(
                blanks=", ".join(blanks)
            )
        )
    return 0
