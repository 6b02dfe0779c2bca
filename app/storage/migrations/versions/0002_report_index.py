"""report index by platform and status

Revision ID: 0002
Revises: 0001
The report sums a platform's tasks per status over a period. With the tasks
indexed by (platform, status, work date, amounts) it reads each status as one
range of the index, already grouped, instead of sorting the period's tasks.
This index also serves what (status, platform, work date) served, which goes.

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["platform_id", "status", "work_at", "currency", "reward", "earned", "bonus"]


def upgrade() -> None:
    op.create_index("ix_tasks_platform_status_work", "tasks", COLUMNS)
    op.drop_index("ix_tasks_status_platform", table_name="tasks")


def downgrade() -> None:
    op.create_index("ix_tasks_status_platform", "tasks", ["status", "platform_id", "work_at"])
    op.drop_index("ix_tasks_platform_status_work", table_name="tasks")
