"""Fetch many rows as plain tuples, skipping SQLAlchemy's per-row result processing.

The statement is compiled for the session's own dialect and run on its DBAPI
cursor, so it stays portable; use it only for columns that need no type
conversion (integers, text), such as times selected as raw epoch seconds.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Executable
from sqlalchemy.orm import Session


def fetch_tuples(session: Session, statement: Executable) -> list[tuple[Any, ...]]:
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect)  # type: ignore[attr-defined]
    parameters = compiled.construct_params()
    positional = getattr(compiled, "positiontup", None)
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        if positional is not None:
            cursor.execute(str(compiled), tuple(parameters[name] for name in positional))
        else:
            cursor.execute(str(compiled), parameters)
        return list(cursor.fetchall())
    finally:
        cursor.close()
