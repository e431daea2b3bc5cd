"""PDF/A-2b pre-flight on every kind of sheet: output intent with the bundled sRGB profile, XMP
with pdfaid part 2 / level B and the Chinese title and author, every font embedded with a
ToUnicode map, no transparency; and the checker itself catches what it is for."""

from __future__ import annotations

import datetime as dt
from io import BytesIO

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, FloatObject, NameObject

from workload_app.reports.archive import preflight, read_xmp, srgb_profile, xmp
from workload_app.services import pending
from workload_app.services.sheets import export_sheets


@pytest.fixture(scope="module")
def every_kind(demo_file, tmp_path_factory):
    from tests.conftest import open_as_operator

    out = tmp_path_factory.mktemp("pdfa")
    import shutil

    shutil.copy(demo_file, out / "d.sqlite")
    db = open_as_operator(out / "d.sqlite")
    files = []
    for kind in ("judge", "division", "court", "notice"):
        kw = {"court": {}, "division": {}}.get(kind, {"division": "速裁庭"})
        paths = export_sheets(db, 2025, 6, kind, out / kind, workers=1, combined=kind != "court", **kw)
        files += [paths[0], paths[-1]]  # a single sheet and the combined file
    alert = out / "alert.pdf"
    pending.alert_list_pdf(db, alert, dt.date(2025, 12, 31), 12)
    files.append(alert)
    db.conn.close()
    return files


def test_every_kind_of_sheet_passes_the_pdfa_preflight(every_kind):
    assert len(every_kind) == 9
    for path in every_kind:
        data = path.read_bytes()
        assert preflight(data) == [], path.name
        reader = PdfReader(BytesIO(data))
        meta = read_xmp(reader)
        title, author = str(reader.metadata["/Title"]), str(reader.metadata["/Author"])
        assert meta["dc:title"] == title and any("\u4e00" <= ch <= "\u9fff" for ch in title)
        assert meta["dc:creator"] == [author] and "法院" in author
        assert meta["pdfaid:part"] == "2" and meta["pdfaid:conformance"] == "B"
        root = reader.trailer["/Root"]
        [intent] = root["/OutputIntents"]
        assert intent.get_object()["/DestOutputProfile"].get_object().get_data() == srgb_profile()
        assert root["/Lang"] == "zh-CN"
        # the text still reads back (ToUnicode)
        assert reader.pages[0].extract_text()


def test_preflight_names_what_is_wrong(every_kind):
    reader = PdfReader(every_kind[0])
    writer = PdfWriter(clone_from=reader)
    root = writer._root_object
    del root["/OutputIntents"]
    meta = DecodedStreamObject()
    meta.set_data(xmp({"/Title": "x"}).replace(b"<pdfaid:part>2<", b"<pdfaid:part>1<"))
    root[NameObject("/Metadata")] = writer._add_object(meta)
    page = writer.pages[0]
    page["/Resources"][NameObject("/ExtGState")] = DictionaryObject(
        {NameObject("/GS9"): DictionaryObject({NameObject("/ca"): FloatObject(0.5)})}
    )
    font = next(iter(page["/Resources"]["/Font"].values())).get_object()
    del font["/ToUnicode"]
    out = BytesIO()
    writer.write(out)
    problems = preflight(out.getvalue())
    assert "no single GTS_PDFA1 output intent" in problems
    assert "XMP does not say PDF/A-2b" in problems
    assert "XMP title differs from the document's" in problems
    assert "page 1: transparency /ca" in problems
    assert any("without ToUnicode" in p for p in problems)
