"""Storage: SQLAlchemy 2 ORM, the engine and its pragmas, migrations, the audit trail."""
