"""The database: declarative base and column types, opening a file with its pragmas, migrations, audit."""
