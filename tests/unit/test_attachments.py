"""Attachments: stored once by SHA-256 beside the database, linked and audited."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.services import Services
from app.services.attachments import MAX_BYTES, AttachmentService


@pytest.fixture
def attachments(services: Services) -> AttachmentService:
    return AttachmentService(services.ctx)


@pytest.fixture
def two_tasks(services: Services) -> tuple[int, int]:
    services.platforms.add("Prolific", "GBP")
    first = services.tasks.add("Prolific", "1.00", external_id="A", status="rejected").id
    second = services.tasks.add("Prolific", "2.00", external_id="B").id
    return first, second


def _stored(attachments: AttachmentService) -> list[str]:
    return sorted(p.name for p in attachments.folder.iterdir() if not p.name.startswith("."))


def test_attach_copies_by_sha256_and_links(
    services: Services,
    attachments: AttachmentService,
    two_tasks: tuple[int, int],
    tmp_path: Path,
) -> None:
    shot = tmp_path / "rejection message.png"
    content = b"\x89PNG\r\n\x1a\n fake screenshot"
    shot.write_bytes(content)
    info = attachments.attach("task", two_tasks[0], shot)
    digest = hashlib.sha256(content).hexdigest()
    assert info.sha256 == digest
    assert info.file_name == "rejection message.png"
    assert info.size == len(content)
    assert info.media_type == "image/png"
    assert (info.record_type, info.record_id) == ("task", two_tasks[0])
    assert attachments.folder == services.ctx.db.path.parent / "attachments"
    assert info.path == attachments.folder / digest
    assert info.path.read_bytes() == content
    shot.unlink()  # the stored copy does not depend on the original
    assert attachments.list_for("task", two_tasks[0]) == [info]
    assert attachments.list_for("task", two_tasks[1]) == []
    assert attachments.get(info.id) == info


def test_the_same_content_is_stored_once(
    services: Services,
    attachments: AttachmentService,
    two_tasks: tuple[int, int],
    tmp_path: Path,
) -> None:
    one = tmp_path / "one.png"
    one.write_bytes(b"same bytes")
    first = attachments.attach("task", two_tasks[0], one)
    second = attachments.attach("task", two_tasks[1], one)
    assert first.id != second.id
    assert first.sha256 == second.sha256
    assert _stored(attachments) == [first.sha256]
    # The same content under another name is still the same proof: stored once, linked once.
    copy = tmp_path / "copy of one.jpg"
    copy.write_bytes(b"same bytes")
    with pytest.raises(Conflict, match=r"copy of one\.jpg is already attached"):
        attachments.attach("task", two_tasks[0], copy)
    other = tmp_path / "other.jpg"
    other.write_bytes(b"other bytes")
    third = attachments.attach("task", two_tasks[0], other)
    assert third.media_type == "image/jpeg"
    assert len(_stored(attachments)) == 2
    assert [a.file_name for a in attachments.list_for("task", two_tasks[0])] == [
        "one.png",
        "other.jpg",
    ]


def test_attaching_the_same_file_twice_to_one_task_is_refused(
    services: Services,
    attachments: AttachmentService,
    two_tasks: tuple[int, int],
    tmp_path: Path,
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"pixels")
    attachments.attach("task", two_tasks[0], shot)
    with pytest.raises(Conflict, match=r"shot\.png is already attached"):
        attachments.attach("task", two_tasks[0], shot)
    assert len(attachments.list_for("task", two_tasks[0])) == 1
    assert len(_stored(attachments)) == 1


def test_every_attachment_is_audited_and_verified(
    services: Services,
    attachments: AttachmentService,
    two_tasks: tuple[int, int],
    tmp_path: Path,
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"pixels")
    before = services.audit.head()
    info = attachments.attach("task", two_tasks[0], shot)
    assert services.audit.head() != before
    assert services.audit.verify().intact
    attachments.detach(info.id)
    assert services.audit.verify().intact


def test_refusals_name_the_file(
    services: Services,
    attachments: AttachmentService,
    two_tasks: tuple[int, int],
    tmp_path: Path,
) -> None:
    with pytest.raises(InvalidInput, match=r"missing\.png cannot be attached"):
        attachments.attach("task", two_tasks[0], tmp_path / "missing.png")
    with pytest.raises(InvalidInput, match="cannot be attached"):
        attachments.attach("task", two_tasks[0], tmp_path)  # a folder
    big = tmp_path / "video.mp4"
    with big.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(InvalidInput, match=r"video\.mp4 is too large to attach .*at most 50 MB"):
        attachments.attach("task", two_tasks[0], big)
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"pixels")
    with pytest.raises(NotFound, match=r"no task number 999 to attach shot\.png"):
        attachments.attach("task", 999, shot)
    with pytest.raises(InvalidInput, match="cannot have attachments"):
        attachments.attach("settings", 1, shot)
    # Nothing was written or left behind.
    assert attachments.list_for("task", two_tasks[0]) == []
    left = list(attachments.folder.iterdir()) if attachments.folder.exists() else []
    assert left == []


def test_an_unreadable_file_is_refused(
    attachments: AttachmentService,
    two_tasks: tuple[int, int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"pixels")
    real_open = Path.open

    def refuse(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path == secret:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InvalidInput, match=r"secret\.png cannot be read: Permission denied"):
        attachments.attach("task", two_tasks[0], secret)
    assert list(attachments.folder.iterdir()) == []


def test_detach_removes_the_copy_only_when_unused(
    attachments: AttachmentService, two_tasks: tuple[int, int], tmp_path: Path
) -> None:
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"pixels")
    first = attachments.attach("task", two_tasks[0], shot)
    second = attachments.attach("task", two_tasks[1], shot)
    attachments.detach(first.id)
    assert first.path.exists()
    attachments.detach(second.id)
    assert not first.path.exists()
    with pytest.raises(NotFound):
        attachments.detach(second.id)
    # Attach again after detaching (redo): the copy comes back.
    again = attachments.attach("task", two_tasks[0], shot)
    assert again.path.read_bytes() == b"pixels"
