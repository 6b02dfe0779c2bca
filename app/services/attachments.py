"""Attachments: files kept as proof (a screenshot of a rejection message, a saved e-mail).

Each file is copied beside the database into ``attachments/<sha256>``: the same
content is stored once however often it is attached. The Attachment row
(written through an audited session) links it to a record and keeps its
original name, size and media type.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.services.context import ServiceContext
from app.storage.models import AccountEvent, Attachment, Payout, Platform, Task

MAX_BYTES = 50 * 1024 * 1024
FOLDER = "attachments"
READ_CHUNK = 1024 * 1024
MAX_NAME = 300
RECORD_MODELS: dict[str, type[Any]] = {
    "task": Task,
    "payout": Payout,
    "event": AccountEvent,
    "platform": Platform,
}


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    sha256: str
    file_name: str
    size: int
    media_type: str
    record_type: str
    record_id: int
    recorded_at: datetime
    path: Path  # where the stored copy is

    @classmethod
    def of(cls, row: Attachment, folder: Path) -> AttachmentInfo:
        return cls(
            row.id,
            row.sha256,
            row.file_name,
            row.size,
            row.media_type,
            row.record_type,
            row.record_id,
            row.recorded_at,
            folder / row.sha256,
        )


class AttachmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    @property
    def folder(self) -> Path:
        return self._ctx.db.path.parent / FOLDER

    def attach(
        self, record_type: str, record_id: int, path: Path | str, file_name: str | None = None
    ) -> AttachmentInfo:
        """Copy the file into the store (once per content) and link it to the record.

        `file_name` is the name to remember (default: the file's own name).
        """
        tr = self._ctx.tr
        source = Path(path)
        name = file_name or source.name or str(source)
        model = self._model(record_type)
        if not source.is_file():
            raise InvalidInput(
                tr.gettext("{name} cannot be attached: there is no such file.").format(name=name)
            )
        try:
            size = source.stat().st_size
        except OSError as error:
            raise InvalidInput(self._unreadable(name, error)) from None
        if size > MAX_BYTES:
            raise InvalidInput(self._too_large(name, size))
        digest, stored, created = self._store(source, name)
        try:
            with self._ctx.db.write() as session:
                if session.get(model, record_id) is None:
                    raise NotFound(
                        tr.gettext("There is no {what} number {id} to attach {name} to.").format(
                            what=record_type, id=record_id, name=name
                        )
                    )
                clash = session.scalar(
                    select(Attachment.id).where(
                        Attachment.record_type == record_type,
                        Attachment.record_id == record_id,
                        Attachment.sha256 == digest,
                    )
                )
                if clash is not None:
                    raise Conflict(
                        tr.gettext("{name} is already attached to this {what}.").format(
                            name=name, what=record_type
                        )
                    )
                media_type, _ = mimetypes.guess_type(name, strict=False)
                row = Attachment(
                    sha256=digest,
                    file_name=name[:MAX_NAME],
                    size=stored,
                    media_type=media_type or "application/octet-stream",
                    record_type=record_type,
                    record_id=record_id,
                )
                session.add(row)
                session.flush()
                return AttachmentInfo.of(row, self.folder)
        except BaseException:
            if created:
                self._forget_if_unused(digest)
            raise

    def list_for(self, record_type: str, record_id: int) -> list[AttachmentInfo]:
        self._model(record_type)
        with self._ctx.db.read() as session:
            rows = session.scalars(
                select(Attachment)
                .where(Attachment.record_type == record_type, Attachment.record_id == record_id)
                .order_by(Attachment.id)
            )
            return [AttachmentInfo.of(row, self.folder) for row in rows]

    def get(self, attachment_id: int) -> AttachmentInfo:
        with self._ctx.db.read() as session:
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(
                    self._ctx.tr.gettext("There is no attachment number {id}.").format(
                        id=attachment_id
                    )
                )
            return AttachmentInfo.of(row, self.folder)

    def detach(self, attachment_id: int, keep_file: bool = False) -> AttachmentInfo:
        """Unlink an attachment. Its stored copy goes when nothing uses it, unless
        `keep_file` (so that an undo can link it again)."""
        with self._ctx.db.write() as session:
            row = session.get(Attachment, attachment_id)
            if row is None:
                raise NotFound(
                    self._ctx.tr.gettext("There is no attachment number {id}.").format(
                        id=attachment_id
                    )
                )
            info = AttachmentInfo.of(row, self.folder)
            session.delete(row)
        if not keep_file:
            self._forget_if_unused(info.sha256)
        return info

    # -- the store --------------------------------------------------------------------------

    def _model(self, record_type: str) -> type[Any]:
        model = RECORD_MODELS.get(record_type)
        if model is None:
            raise InvalidInput(
                self._ctx.tr.gettext("{what!r} records cannot have attachments.").format(
                    what=record_type
                )
            )
        return model

    def _store(self, source: Path, name: str) -> tuple[str, int, bool]:
        """Copy while hashing; returns (sha256, size, whether the content is new)."""
        folder = self.folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise InvalidInput(
                self._ctx.tr.gettext(
                    "Cannot create the attachments folder {path}: {reason}."
                ).format(path=folder, reason=error.strerror or error)
            ) from None
        digest = hashlib.sha256()
        size = 0
        handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=folder)
        try:
            with os.fdopen(handle, "wb") as target:
                try:
                    with source.open("rb") as stream:
                        while block := stream.read(READ_CHUNK):
                            size += len(block)
                            if size > MAX_BYTES:
                                raise InvalidInput(self._too_large(name, size))
                            digest.update(block)
                            target.write(block)
                except OSError as error:
                    raise InvalidInput(self._unreadable(name, error)) from None
                target.flush()
                os.fsync(target.fileno())
            sha = digest.hexdigest()
            final = folder / sha
            if final.exists():
                return sha, size, False
            os.replace(temporary, final)
            return sha, size, True
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)

    def _forget_if_unused(self, sha: str) -> None:
        with self._ctx.db.read() as session:
            used = session.scalar(
                select(func.count()).select_from(Attachment).where(Attachment.sha256 == sha)
            )
        if not used:
            with contextlib.suppress(OSError):
                (self.folder / sha).unlink()

    def _too_large(self, name: str, size: int) -> str:
        return self._ctx.tr.gettext(
            "{name} is too large to attach ({size} MB; at most {limit} MB)."
        ).format(name=name, size=round(size / 1024 / 1024, 1), limit=MAX_BYTES // 1024 // 1024)

    def _unreadable(self, name: str, error: OSError) -> str:
        return self._ctx.tr.gettext("{name} cannot be read: {reason}.").format(
            name=name, reason=error.strerror or error
        )
