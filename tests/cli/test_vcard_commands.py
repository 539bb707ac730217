"""`defence-dir export vcard` and `defence-dir import`: files, filters, dry run, bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest


def test_export_with_filter_to_one_file(cli, db_path, tmp_path: Path):
    target = tmp_path / "aero.vcf"
    code, _out, err = cli("--db", str(db_path), "export", "vcard", "--network",
                          "aerospace", "-o", str(target))
    assert code == 0, err
    data = target.read_bytes()
    assert data.count(b"BEGIN:VCARD") == 2 and b"FN:Dirk Kalinowski" in data
    assert "2 Personen nach" in err


def test_outlook_profile_to_zip_and_folder(cli, db_path, tmp_path: Path):
    code, _out, err = cli("--db", str(db_path), "export", "vcard", "--profile",
                          "outlook", "-o", str(tmp_path / "alle.zip"))
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "alle.zip") as archive:
        names = sorted(archive.namelist())
        assert "Jürgen Schnitzmeier.vcf" in names and len(names) == 6
        assert archive.read("Jürgen Schnitzmeier.vcf").count(b"BEGIN:VCARD") == 1
        assert b"N;CHARSET=UTF-8:Schnitzmeier;J\xc3\xbcrgen" in archive.read(
            "Jürgen Schnitzmeier.vcf")
    code, _out, err = cli("--db", str(db_path), "export", "vcard", "--profile",
                          "outlook", "-o", str(tmp_path / "karten"))
    assert code == 0, err
    assert len(list((tmp_path / "karten").glob("*.vcf"))) == 6


def test_search_query_and_v4(cli, db_path, tmp_path: Path):
    code, _out, err = cli("--db", str(db_path), "export", "vcard", "--query", "kremer",
                          "--profile", "v4", "-o", str(tmp_path / "c.vcf"))
    assert code == 0, err
    data = (tmp_path / "c.vcf").read_bytes()
    assert b"VERSION:4.0" in data and b"FN:Dr.-Ing. Harald Cremer" in data


@pytest.mark.parametrize(("args", "message"), [
    (["--profile", "outlook", "-o", "{tmp}/alle.vcf"], "Outlook importiert nur die erste Karte"),
    (["-o", "{tmp}/kontakte.txt"], "nicht „kontakte.txt“"),
    (["-o", "{tmp}/fehlt/kontakte.vcf"], "existiert nicht"),
    (["--query", "xyzzy", "-o", "{tmp}/leer.vcf"], "niemanden zu exportieren"),
    (["--list", "Unbekannt", "-o", "{tmp}/x.vcf"], "keinen Verteiler"),
])
def test_export_errors_are_one_line(cli, db_path, tmp_path: Path, args, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = cli("--db", str(db_path), "export", "vcard", *argv)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not list(tmp_path.glob("*.vcf"))


def test_import_dry_run_then_for_real(cli, db_path, tmp_path: Path):
    source = tmp_path / "neu.vcf"
    source.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ertl;Eva;;;\r\n"
                       b"EMAIL:eva.ertl@example.org\r\nEND:VCARD\r\n"
                       b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Grosch;Matthias;;;\r\n"
                       b"EMAIL:matthias.grosch@nmwp.de\r\nTITLE:Berater\r\nEND:VCARD\r\n")
    code, out, _err = cli("--db", str(db_path), "import", str(source), "--dry-run",
                          "--json")
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] and report["import_batch"] is None
    assert [c["action"] for c in report["cards"]] == ["new", "update"]
    code, out, _err = cli("--db", str(db_path), "list", "persons", "--json")
    assert len(json.loads(out)) == 6  # the dry run wrote nothing
    code, out, err = cli("--db", str(db_path), "import", str(source))
    assert code == 0 and "neu: 1" in err
    code, out, _err = cli("--db", str(db_path), "search", "ertl", "--json")
    assert [h["display_name"] for h in json.loads(out)] == ["Eva Ertl"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("fehlt.vcf", None, "kann nicht gelesen werden"),
    ("leer.vcf", b"", "enthält keine vCard"),
    ("bild.png", b"\x89PNG", "weder eine vCard-Datei"),
])
def test_import_errors_are_one_line(cli, db_path, tmp_path: Path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = cli("--db", str(db_path), "import", str(path))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
