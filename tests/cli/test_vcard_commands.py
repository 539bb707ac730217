"""`defence-dir export vcard` and `defence-dir import`: files, filters, dry run, bad input."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest


def test_export_with_filter_to_one_file(cli, db_url, tmp_path: Path):
    target = tmp_path / "aero.vcf"
    code, _out, err = cli("--db", db_url, "export", "vcard", "--network",
                          "aerospace", "-o", str(target))
    assert code == 0, err
    data = target.read_bytes()
    assert data.count(b"BEGIN:VCARD") == 2 and b"FN:Dirk Kalinowski" in data
    assert "2 Personen nach" in err


def test_outlook_profile_to_zip_and_folder(cli, db_url, tmp_path: Path):
    code, _out, err = cli("--db", db_url, "export", "vcard", "--profile",
                          "outlook", "-o", str(tmp_path / "alle.zip"))
    assert code == 0, err
    with zipfile.ZipFile(tmp_path / "alle.zip") as archive:
        names = sorted(archive.namelist())
        assert "Jürgen Schnitzmeier.vcf" in names and len(names) == 6
        assert archive.read("Jürgen Schnitzmeier.vcf").count(b"BEGIN:VCARD") == 1
        assert b"N;CHARSET=UTF-8:Schnitzmeier;J\xc3\xbcrgen" in archive.read(
            "Jürgen Schnitzmeier.vcf")
    code, _out, err = cli("--db", db_url, "export", "vcard", "--profile",
                          "outlook", "-o", str(tmp_path / "karten"))
    assert code == 0, err
    assert len(list((tmp_path / "karten").glob("*.vcf"))) == 6


def test_search_query_and_v4(cli, db_url, tmp_path: Path):
    code, _out, err = cli("--db", db_url, "export", "vcard", "--query", "kremer",
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
def test_export_errors_are_one_line(cli, db_url, tmp_path: Path, args, message):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = cli("--db", db_url, "export", "vcard", *argv)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err
    assert not list(tmp_path.glob("*.vcf"))


def test_import_dry_run_then_for_real(cli, db_url, tmp_path: Path):
    source = tmp_path / "neu.vcf"
    source.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ertl;Eva;;;\r\n"
                       b"EMAIL:eva.ertl@example.org\r\nEND:VCARD\r\n"
                       b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Grosch;Matthias;;;\r\n"
                       b"EMAIL:matthias.grosch@nmwp.de\r\nTITLE:Berater\r\nEND:VCARD\r\n")
    code, out, _err = cli("--db", db_url, "import", str(source), "--dry-run",
                          "--json")
    assert code == 0
    report = json.loads(out)
    assert report["dry_run"] and report["batch_id"] is None
    assert [c["action"] for c in report["details"]] == ["new", "update"]
    code, out, _err = cli("--db", db_url, "list", "persons", "--json")
    assert len(json.loads(out)) == 6  # the dry run wrote nothing
    code, out, err = cli("--db", db_url, "import", str(source))
    assert code == 0 and "neu: 1" in err
    code, out, _err = cli("--db", db_url, "search", "ertl", "--json")
    assert [h["display_name"] for h in json.loads(out)] == ["Eva Ertl"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("fehlt.vcf", None, "kann nicht gelesen werden"),
    ("leer.vcf", b"", "enthält keine vCard"),
    ("bild.png", b"\x89PNG", "weder eine vCard-Datei"),
])
def test_import_errors_are_one_line(cli, db_url, tmp_path: Path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = cli("--db", db_url, "import", str(path))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err


# The keys a script reads from `import --json`, whatever the file; extra keys may follow.
COMMON = {"rows", "created", "updated", "unchanged", "duplicates_in_file", "invalid", "skipped",
          "with_warnings", "problems", "warnings", "batch_id", "file", "dry_run", "details",
          "encoding", "source"}


def test_vcards_and_spreadsheets_give_the_same_json(cli, db_url, tmp_path: Path):
    """The same three people as a CSV and as vCards: one new, one already known (Grosch), one
    with a broken address; a script reads both reports alike."""
    csv = tmp_path / "leute.csv"
    csv.write_bytes("Vorname;Nachname;E-Mail;Funktion\r\n"
                    "Eva;Ertl;eva.ertl@example.org;\r\n"
                    "Matthias;Grosch;matthias.grosch@nmwp.de;Berater\r\n"
                    "Kai;Kaputt;kai@@kaputt;\r\n".encode("cp1252"))
    vcf = tmp_path / "leute.vcf"
    vcf.write_bytes(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ertl;Eva;;;\r\nFN:Eva Ertl\r\n"
                    b"EMAIL:eva.ertl@example.org\r\nEND:VCARD\r\n"
                    b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Grosch;Matthias;;;\r\n"
                    b"FN:Matthias Grosch\r\nEMAIL:matthias.grosch@nmwp.de\r\n"
                    b"TITLE:Berater\r\nEND:VCARD\r\n"
                    b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kaputt;Kai;;;\r\nFN:Kai Kaputt\r\n"
                    b"EMAIL:kai@@kaputt\r\nEND:VCARD\r\n")
    reports = {}
    for path in (csv, vcf):
        code, out, err = cli("--db", db_url, "import", str(path), "--dry-run", "--json")
        assert code == 0, err
        reports[path.suffix] = json.loads(out)
    sheet, cards = reports[".csv"], reports[".vcf"]
    assert set(cards) >= COMMON
    assert set(sheet) >= COMMON
    for report in (sheet, cards):
        assert (report["rows"], report["created"], report["updated"], report["unchanged"],
                report["invalid"], report["duplicates_in_file"], report["skipped"]) == \
            (3, 1, 1, 0, 1, 0, 0)
        assert report["batch_id"] is None and report["dry_run"] is True
        assert [type(report[key]) for key in ("problems", "details")] == [list, list]
        assert {"row", "action", "name", "reason", "person_id"} <= set(report["details"][0])
    # "row" is the spreadsheet row, counting the header; for vCards the card's number.
    assert [p["row"] for p in sheet["problems"]] == [4]
    assert [p["row"] for p in cards["problems"]] == [3]
    assert "kai@@kaputt" in cards["problems"][0]["reason"]
    assert (sheet["source"], cards["source"]) == ("spreadsheet", "vcard")
    assert cards["encoding"] == "utf-8"
    assert cards["warnings"] == [] and cards["with_warnings"] == 0
    code, out, err = cli("--db", db_url, "import", str(vcf), "--json")
    report = json.loads(out)
    assert isinstance(report["batch_id"], int) and report["created"] == 1
    assert report["dry_run"] is False


def _iphone_card(given: str, family: str, email: str) -> bytes:
    photo = "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQ" * 40
    lines = [photo[i:i + 74] for i in range(0, len(photo), 74)]
    return (f"BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n"
            f"N:{family};{given};;;\r\nFN:{given} {family}\r\nEMAIL;type=INTERNET:{email}\r\n"
            "PHOTO;ENCODING=b;TYPE=JPEG:" + "\r\n ".join(lines) + "\r\nEND:VCARD\r\n").encode()


def test_warnings_in_json_and_text(cli, db_url, tmp_path: Path):
    """A photo not kept and a card pasted from an ANSI file: the cards come in, with remarks."""
    source = tmp_path / "iphone.vcf"
    source.write_bytes(_iphone_card("Eva", "Ertl-Jäger", "eva.ertl@example.org")
                       + "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schäfer;Jörg;;;\r\n"
                         "EMAIL:joerg.schaefer@example.org\r\nEND:VCARD\r\n".encode("cp1252"))
    code, out, err = cli("--db", db_url, "import", str(source), "--dry-run", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["warnings"] == [
        {"row": 1, "reason": "Foto nicht übernommen"},
        {"row": 2, "reason": "Zeile 47 ist kein UTF-8; als Windows-1252 gelesen"}]
    assert report["with_warnings"] == 2 and report["problems"] == []
    assert report["encoding"] == "utf-8+cp1252"
    assert report["details"][1]["name"] == "Jörg Schäfer"  # no FN: named by its N
    code, out, err = cli("--db", db_url, "import", str(source))
    assert code == 0, err
    assert "Foto nicht übernommen" in out and "Zeile 47 ist kein UTF-8" in out
    assert "2 Karten mit Hinweis importiert" in err
    code, out, _err = cli("--db", db_url, "search", "schäfer", "--json")
    assert [h["display_name"] for h in json.loads(out)] == ["Jörg Schäfer"]


def test_a_whole_legacy_file_says_its_encoding_once(cli, db_url, tmp_path: Path):
    source = tmp_path / "outlook.vcf"
    source.write_bytes(("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\n"
                        "FN:Jürgen Müller\r\nEMAIL;INTERNET:jm@example.org\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Weiß;Zoë\r\nFN:Zoë Weiß\r\n"
                        "EMAIL;INTERNET:zw@example.org\r\nEND:VCARD\r\n").encode("cp1252"))
    code, out, err = cli("--db", db_url, "import", str(source), "--dry-run", "--json")
    report = json.loads(out)
    assert report["encoding"] == "cp1252" and report["with_warnings"] == 0
    assert report["warnings"] == [{"row": None, "reason": "Die Datei ist nicht in UTF-8; sie "
                                   "wurde als Windows-1252 gelesen."}]
    assert [d["name"] for d in report["details"]] == ["Jürgen Müller", "Zoë Weiß"]
    code, out, err = cli("--db", db_url, "import", str(source), "--dry-run")
    assert code == 0 and "als Windows-1252 gelesen" in err and "Jürgen Müller" in out


def test_the_encoding_can_be_named_for_a_polish_file(cli, db_url, tmp_path: Path):
    source = tmp_path / "polska.vcf"
    source.write_bytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN:Wałęsa;Łucja\r\nFN:Łucja Wałęsa\r\n"
                       "END:VCARD\r\n".encode("cp1250"))
    code, out, err = cli("--db", db_url, "import", str(source), "--dry-run", "--json",
                         "--encoding", "cp1250")
    assert code == 0, err
    report = json.loads(out)
    assert report["details"][0]["name"] == "Łucja Wałęsa" and report["encoding"] == "cp1250"
    code, out, err = cli("--db", db_url, "import", str(source), "--encoding", "klingon")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
