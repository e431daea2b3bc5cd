"""PDF/A-2b for the court's e-archive: reportlab draws the pages; here pypdf adds what PDF/A asks
of the file (ISO 19005-2, level B):

- an output intent (``/GTS_PDFA1``) carrying the sRGB ICC profile the pages' RGB colours refer to
  (``resources/icc/sRGB.icc`` from Debian's icc-profiles-free, zlib licence, bundled with it);
- the XMP metadata packet, uncompressed, with ``pdfaid:part=2`` and ``pdfaid:conformance=B`` and
  the document information (title and author in Chinese, subject, dates, creator, producer)
  mirrored in it, so that the two agree;
- the document language (``/Lang zh-CN``).

(pikepdf would do the same, but it brings lxml, whose presence changes how openpyxl parses the
workbooks the import checks; pypdf, already used here, and the standard library suffice.)

The fonts are already embedded as TrueType subsets with a ToUnicode map (``fonts``), and nothing
on the sheets is transparent. ``preflight`` checks all of this on a file; a court's IT validates
with veraPDF (see the README).
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

ICC_NAME = "sRGB.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}


def _icc_dirs() -> list[Path]:
    here = Path(__file__).resolve().parent.parent.parent / "resources" / "icc"
    dirs = [here]
    if getattr(sys, "_MEIPASS", None):
        dirs.insert(0, Path(sys._MEIPASS) / "resources" / "icc")
    return dirs


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The bundled sRGB ICC profile."""
    for d in _icc_dirs():
        if (d / ICC_NAME).exists():
            return (d / ICC_NAME).read_bytes()
    raise FileNotFoundError(f"resources/icc/{ICC_NAME} is missing from the installation")


def _xmp_date(pdf_date: str) -> str:
    """D:20250701090000+08'00' → 2025-07-01T09:00:00+08:00 (Z where no zone is given)."""
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})([+-Z])?(\d{2})?'?(\d{2})?", pdf_date or "")
    if not m:
        return ""
    y, mo, d, h, mi, sec, sign, th, tm = m.groups()
    zone = "Z" if sign in (None, "Z") else f"{sign}{th or '00'}:{tm or '00'}"
    return f"{y}-{mo}-{d}T{h}:{mi}:{sec}{zone}"


def xmp(info: dict[str, str]) -> bytes:
    """The XMP packet of PDF/A-2b with the document information ``info`` (/Title, /Author …)."""

    def alt(v: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(v)}</rdf:li></rdf:Alt>'

    fields = []
    if info.get("/Title"):
        fields.append(f"<dc:title>{alt(info['/Title'])}</dc:title>")
    if info.get("/Author"):
        fields.append(
            f"<dc:creator><rdf:Seq><rdf:li>{escape(info['/Author'])}</rdf:li></rdf:Seq></dc:creator>"
        )
    if info.get("/Subject"):
        fields.append(f"<dc:description>{alt(info['/Subject'])}</dc:description>")
    for key, tag in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if _xmp_date(info.get(key, "")):
            fields.append(f"<{tag}>{_xmp_date(info[key])}</{tag}>")
    if info.get("/Creator"):
        fields.append(f"<xmp:CreatorTool>{escape(info['/Creator'])}</xmp:CreatorTool>")
    if info.get("/Producer"):
        fields.append(f"<pdf:Producer>{escape(info['/Producer'])}</pdf:Producer>")
    namespaces = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items() if k != "rdf")
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        f'<rdf:RDF xmlns:rdf="{NS["rdf"]}">'
        f'<rdf:Description rdf:about="" {namespaces}>'
        "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
        + "".join(fields)
        + "</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")


def to_pdfa(data: bytes, *, invariant: bool = False) -> bytes:
    """``data`` (a reportlab PDF) made PDF/A-2b: output intent, XMP from the document information,
    language. The file identifier is the one reportlab wrote (fixed with ``invariant``)."""
    reader = PdfReader(BytesIO(data))
    writer = PdfWriter(clone_from=reader)
    info = {k: str(v) for k, v in (reader.metadata or {}).items() if k != "/Trapped"}
    # reportlab's /Trapped /False has no XMP twin here: left out of both
    writer.metadata = None
    writer.add_metadata(info)
    icc = DecodedStreamObject()
    icc.set_data(srgb_profile())
    icc[NameObject("/N")] = NumberObject(3)
    intent = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/OutputIntent"),
            NameObject("/S"): NameObject("/GTS_PDFA1"),
            NameObject("/OutputConditionIdentifier"): TextStringObject(OUTPUT_CONDITION),
            NameObject("/Info"): TextStringObject(OUTPUT_CONDITION),
            NameObject("/RegistryName"): TextStringObject("http://www.color.org"),
            NameObject("/DestOutputProfile"): writer._add_object(icc),
        }
    )
    root = writer._root_object
    root[NameObject("/OutputIntents")] = ArrayObject([writer._add_object(intent)])
    root[NameObject("/Lang")] = TextStringObject("zh-CN")
    meta = DecodedStreamObject()
    meta.set_data(xmp(info))
    meta[NameObject("/Type")] = NameObject("/Metadata")
    meta[NameObject("/Subtype")] = NameObject("/XML")
    root[NameObject("/Metadata")] = writer._add_object(meta)
    if "/ID" in reader.trailer:
        writer._ID = reader.trailer["/ID"]
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def read_xmp(reader: PdfReader) -> dict[str, object]:
    """pdfaid:part, pdfaid:conformance, dc:title (x-default) and dc:creator of the XMP packet."""
    meta = reader.trailer["/Root"].get("/Metadata")
    if meta is None:
        return {}
    root = ET.fromstring(
        meta.get_object().get_data().decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0]
    )
    desc = root.find(".//rdf:Description", NS)
    if desc is None:
        return {}

    def text(path: str) -> str | None:
        node = desc.find(path, NS)
        return node.text if node is not None else None

    return {
        "pdfaid:part": text("pdfaid:part"),
        "pdfaid:conformance": text("pdfaid:conformance"),
        "dc:title": text("dc:title/rdf:Alt/rdf:li"),
        "dc:creator": [n.text for n in desc.findall("dc:creator/rdf:Seq/rdf:li", NS)],
    }


def preflight(data: bytes) -> list[str]:
    """What in ``data`` is not as PDF/A-2b asks (empty when all is well): header version, file
    identifier, output intent with the sRGB profile, uncompressed XMP with part 2 / level B and
    the document's title and author, every font embedded with a ToUnicode map, no transparency,
    no encryption, no JavaScript."""
    problems: list[str] = []
    if not data.startswith(b"%PDF-1.") or int(data[7:8]) > 7:
        problems.append("header is not %PDF-1.0 … 1.7")
    reader = PdfReader(BytesIO(data))
    if reader.is_encrypted:
        problems.append("encrypted")
    if "/ID" not in reader.trailer:
        problems.append("no file identifier (/ID)")
    root = reader.trailer["/Root"]
    intents = [i.get_object() for i in root.get("/OutputIntents", [])]
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if len(pdfa) != 1:
        problems.append("no single GTS_PDFA1 output intent")
    elif pdfa[0]["/DestOutputProfile"].get_object().get_data() != srgb_profile():
        problems.append("output intent without the sRGB profile")
    if root.get("/Metadata") is None:
        problems.append("no XMP metadata")
    else:
        if "/Filter" in root["/Metadata"].get_object():
            problems.append("XMP metadata stream is compressed")
        meta = read_xmp(reader)
        if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "B":
            problems.append("XMP does not say PDF/A-2b")
        info = reader.metadata or {}
        title = str(info.get("/Title", ""))
        if not title or meta.get("dc:title") != title:
            problems.append("XMP title differs from the document's")
        author = str(info.get("/Author", ""))
        if author and author not in (meta.get("dc:creator") or []):
            problems.append("XMP author differs from the document's")
    if "/JavaScript" in root.get("/Names", {}) or "/OpenAction" in root:
        problems.append("JavaScript or an open action")
    seen: set = set()
    for n, page in enumerate(reader.pages, start=1):
        if "/Group" in page:
            problems.append(f"page {n}: transparency group")
        resources = page.get("/Resources", {})
        for gs in resources.get("/ExtGState", {}).values():
            gs = gs.get_object()
            if "/SMask" in gs and gs["/SMask"] != "/None":
                problems.append(f"page {n}: soft mask")
            for key in ("/CA", "/ca"):
                if key in gs and float(gs[key]) < 1:
                    problems.append(f"page {n}: transparency {key}")
        for name, ref in resources.get("/Font", {}).items():
            key = getattr(ref, "idnum", id(ref))
            if key in seen:
                continue
            seen.add(key)
            font = ref.get_object()
            for d in font.get("/DescendantFonts", [font]):
                d = d.get_object()
                desc = d.get("/FontDescriptor")
                desc = desc.get_object() if desc is not None else None
                if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    problems.append(f"font {d.get('/BaseFont')} not embedded")
            if "/ToUnicode" not in font:
                problems.append(f"font {font.get('/BaseFont')} ({name}) without ToUnicode")
    return problems
