"""The next id a bulk write may use: never one a deleted record had (SQLite AUTOINCREMENT)."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select, text


def next_free_id(connection: Connection, table: Table) -> int:
    highest = connection.execute(select(func.max(table.c.id))).scalar() or 0
    if connection.dialect.name == "sqlite":
        used = connection.execute(
            text("SELECT seq FROM sqlite_sequence WHERE name = :name"), {"name": table.name}
        ).scalar()
        highest = max(int(highest), int(used or 0))
    return int(highest) + 1
