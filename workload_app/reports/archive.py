"""PDF/A-2b for the court's e-archive: reportlab draws the pages; here pikepdf adds what PDF/A asks
of the file (ISO 19005-2, level B):

- an output intent (``/GTS_PDFA1``) carrying the sRGB ICC profile the pages' RGB colours refer to
  (``resources/icc/sRGB.icc`` from Debian's icc-profiles-free, zlib licence, bundled with it);
- the XMP metadata packet, uncompressed, with ``pdfaid:part=2`` and ``pdfaid:conformance=B`` and
  the document information (title and author in Chinese, subject, dates, producer) mirrored in
  it, so that the two agree;
- the document language (``/Lang zh-CN``).

The fonts are already embedded as TrueType subsets with a ToUnicode map (``fonts``), and nothing
on the sheets is transparent. ``preflight`` checks all of this on a file; a court's IT validates
with veraPDF (see the README).
"""

from __future__ import annotations

import sys
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import pikepdf

ICC_NAME = "sRGB.icc"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"


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


def to_pdfa(data: bytes, *, invariant: bool = False) -> bytes:
    """``data`` (a reportlab PDF) made PDF/A-2b: output intent, XMP from the document information,
    language. With ``invariant`` the file identifier stays fixed (byte-stable output for tests)."""
    with pikepdf.open(BytesIO(data)) as pdf:
        icc = pikepdf.Stream(pdf, srgb_profile())
        icc["/N"] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=OUTPUT_CONDITION,
            Info=OUTPUT_CONDITION,
            RegistryName="http://www.color.org",
            DestOutputProfile=icc,
        )
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        pdf.Root.Lang = pikepdf.String("zh-CN")
        if "/Trapped" in pdf.docinfo:  # reportlab's /Trapped /False has no XMP twin here: left out
            del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta.load_from_docinfo(pdf.docinfo, raise_failure=False)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        out = BytesIO()
        pdf.save(out, static_id=invariant, deterministic_id=False)
        return out.getvalue()


def preflight(data: bytes) -> list[str]:
    """What in ``data`` is not as PDF/A-2b asks (empty when all is well): header version, file
    identifier, output intent with the sRGB profile, uncompressed XMP with part 2 / level B and
    the document's title and author, every font embedded with a ToUnicode map, no transparency,
    no encryption, no JavaScript."""
    problems: list[str] = []
    if not data.startswith(b"%PDF-1.") or int(data[7:8]) > 7:
        problems.append("header is not %PDF-1.0 … 1.7")
    with pikepdf.open(BytesIO(data)) as pdf:
        if pdf.is_encrypted:
            problems.append("encrypted")
        if "/ID" not in pdf.trailer:
            problems.append("no file identifier (/ID)")
        intents = pdf.Root.get("/OutputIntents", [])
        pdfa = [i for i in intents if i.get("/S") == pikepdf.Name.GTS_PDFA1]
        if len(pdfa) != 1:
            problems.append("no single GTS_PDFA1 output intent")
        elif pdfa[0].DestOutputProfile.read_bytes() != srgb_profile():
            problems.append("output intent without the sRGB profile")
        meta_stream = pdf.Root.get("/Metadata")
        if meta_stream is None:
            problems.append("no XMP metadata")
        else:
            if "/Filter" in meta_stream:
                problems.append("XMP metadata stream is compressed")
            meta = pdf.open_metadata()
            if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "B":
                problems.append("XMP does not say PDF/A-2b")
            title = str(pdf.docinfo.get("/Title", ""))
            if not title or meta.get("dc:title") != title:
                problems.append("XMP title differs from the document's")
            author = str(pdf.docinfo.get("/Author", ""))
            if author and author not in (meta.get("dc:creator") or []):
                problems.append("XMP author differs from the document's")
        if "/JavaScript" in pdf.Root.get("/Names", {}) or "/OpenAction" in pdf.Root:
            problems.append("JavaScript or an open action")
        seen: set = set()
        for n, page in enumerate(pdf.pages, start=1):
            if "/Group" in page.obj:
                problems.append(f"page {n}: transparency group")
            resources = page.obj.get("/Resources", {})
            for gs in resources.get("/ExtGState", {}).values():
                if "/SMask" in gs and gs.SMask != pikepdf.Name.None_:
                    problems.append(f"page {n}: soft mask")
                for key in ("/CA", "/ca"):
                    if key in gs and float(gs[key]) < 1:
                        problems.append(f"page {n}: transparency {key}")
            for name, font in resources.get("/Font", {}).items():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                descendants = font.get("/DescendantFonts", [font])
                for d in descendants:
                    desc = d.get("/FontDescriptor")
                    if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        problems.append(f"font {d.get('/BaseFont')} not embedded")
                if "/ToUnicode" not in font:
                    problems.append(f"font {font.get('/BaseFont')} ({name}) without ToUnicode")
    return problems
