"""``chairdesk import people FILE`` and ``chairdesk export people|organisations``: what is printed, what is
written, and the exit status a script sees."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app import cli
from app.persistence.database import open_database
from app.services import directory

CSV = ("Nom;Prénom;Courriel;Organisation;Pays;Téléphone\r\n"
       "White;Stephen;stephen.white@rcmp.example;RCMP;;+1 555 9999\r\n"
       "Lefèvre;Zoé;zoe@@sante;Santé Canada;Atlantis;\r\n"
       "Dupont;Jean;jean.dupont@garda.example;Garda;Irlande;\r\n"
       "Martin;Claire;claire.martin@interpol.example;Interpol;;\r\n")


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    try:
        args = cli.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0), out.getvalue()
    return cli.run(args, out), out.getvalue()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite"
    db = open_database(path)
    rcmp = directory.create_organisation(db, name_en="Royal Canadian Mounted Police", acronym_en="RCMP")
    directory.create_organisation(db, name_en="Interpol", acronym_en="Interpol")
    directory.create_person(db, given_name="Stephen", family_name="White", email="stephen.white@rcmp.example",
                            organisation_uuid=rcmp.uuid, phone="+1 555 0102")
    db.close()
    return path


@pytest.fixture
def people_csv(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    path.write_bytes(CSV.encode("cp1252"))
    return path


def people(path: Path) -> list[tuple[str, str, str]]:
    db = open_database(path)
    try:
        return [(p.family_name, p.organisation_short, p.phone) for p in directory.list_people(db)]
    finally:
        db.close()


def test_dry_run_prints_every_row_and_writes_nothing(database: Path, people_csv: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = people(database)
    status, out = run(["import", "people", str(people_csv), "--dry-run", "--skip-bad", "--db", str(database)])
    assert status == 0
    assert "Read as cp1252, columns separated by “;”." in out
    assert "Row 2: To update — Stephen White (RCMP)" in out
    assert "    Phone: “+1 555 0102” → “+1 555 9999”" in out
    assert "Row 3: Refused — Zoé Lefèvre (Santé Canada)" in out
    assert "    Country: Atlantis is not a known country." in out
    assert "Row 5: To add — Claire Martin (Interpol)" in out
    assert "Dry run: nothing was written." in out
    assert people(database) == before


def test_refused_rows_stop_the_import(database: Path, people_csv: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = people(database)
    status, out = run(["import", "people", str(people_csv), "--db", str(database)])
    assert status == 2
    err = capsys.readouterr().err
    assert "2 rows refused; nothing was imported" in err
    assert "--create-organisations" in err
    assert people(database) == before


def test_skip_bad_imports_the_good_rows(database: Path, people_csv: Path) -> None:
    status, out = run(["import", "people", str(people_csv), "--skip-bad", "--create-organisations",
                       "--db", str(database)])
    assert status == 0, out
    assert "1 organisation created" in out and "2 people created, 1 updated" in out
    assert sorted(people(database)) == [("Dupont", "Garda", ""), ("Martin", "Interpol", ""),
                                        ("White", "RCMP", "+1 555 9999")]


def test_xlsx_in_french(database: Path, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Nom", "Prénom", "Organisation"])
    book.active.append(["Ngata", "Aroha", "Interpol"])
    book.save(tmp_path / "p.xlsx")
    status, out = run(["--lang", "fr", "import", "people", str(tmp_path / "p.xlsx"), "--db", str(database)])
    assert status == 0
    assert ("Ngata", "Interpol", "") in people(database)


def test_bad_files(database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["import", "people", str(tmp_path / "none.csv"), "--db", str(database)])[0] == 2
    (tmp_path / "x.csv").write_text("Phone\n1\n")
    assert run(["import", "people", str(tmp_path / "x.csv"), "--db", str(database)])[0] == 2
    assert "No column is imported as a name." in capsys.readouterr().err


@pytest.mark.parametrize("what", ["people", "organisations"])
def test_export(database: Path, tmp_path: Path, what: str) -> None:
    target = tmp_path / f"{what}.xlsx"
    status, out = run(["export", what, "--out", str(target), "--db", str(database)])
    assert status == 0
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert out.startswith("Exported 1 person" if what == "people" else "Exported 2 organisations")
    assert rows[1][0] == ("White" if what == "people" else "Interpol")
