#!/usr/bin/env python3
"""Checks every glyph a PDF draws against the font program embedded in it.

Independent of the app's own code: mupdf (`mutool trace`) lists the glyphs each page
draws, qpdf finds and decodes each font's FontFile2, and fontTools reads the glyf
outlines. A drawn glyph must exist in the embedded subset, have the same outline as in
the source font the app bundles, and be non-empty unless it is blank there too (a
space). Drawing glyph 0 (.notdef) is an error.

usage: pdf-glyph-check.py FILE.pdf SOURCES.json
SOURCES.json maps a PostScript name (without the subset prefix) to the source font
file (TTF or WOFF). Prints a JSON report; exits 0 (the caller reads "errors").
"""
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

from fontTools.ttLib import TTFont


def drawn_glyphs(pdf):
    trace = subprocess.run(["mutool", "trace", pdf], capture_output=True, text=True, check=True).stdout
    root = ET.fromstring("<root>" + trace.split("?>", 1)[-1] + "</root>")
    used = {}
    for span in root.iter("span"):
        font = span.get("font", "")
        for g in span.iter("g"):
            # A <g> without a glyph is a further character of the glyph before it (a ligature's ToUnicode).
            if g.get("glyph") is not None:
                used.setdefault(font, set()).add(int(g.get("glyph")))
    return used


def embedded_fonts(pdf):
    """BaseFont name -> decoded FontFile2 bytes."""
    doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", pdf], capture_output=True, text=True, check=True).stdout)
    objects = doc["qpdf"][1]
    fonts = {}
    for obj in objects.values():
        value = obj.get("value") if isinstance(obj, dict) else None
        if not isinstance(value, dict) or value.get("/Type") != "/FontDescriptor" or "/FontFile2" not in value:
            continue
        number = value["/FontFile2"].split()[0]
        data = subprocess.run(["qpdf", f"--show-object={number}", "--filtered-stream-data", pdf], capture_output=True, check=True).stdout
        fonts[value["/FontName"].lstrip("/")] = data
    return fonts


def outline(font, gid):
    order = font.getGlyphOrder()
    if gid >= len(order):
        return None
    glyf = font["glyf"]
    glyph = glyf[order[gid]]
    if glyph.numberOfContours == 0:
        return ()
    coordinates, end_points, _ = glyph.getCoordinates(glyf)
    return (tuple(coordinates), tuple(end_points))


def main():
    pdf, sources_file = sys.argv[1], sys.argv[2]
    with open(sources_file, encoding="utf8") as f:
        sources = {name: TTFont(path) for name, path in json.load(f).items()}
    used = drawn_glyphs(pdf)
    embedded = embedded_fonts(pdf)
    errors = []
    report = {"glyphs": 0, "blank": 0, "fonts": sorted(used), "errors": errors}
    for name, gids in sorted(used.items()):
        # mupdf cuts font names to 31 characters.
        full = next((n for n in embedded if n == name or (len(name) >= 31 and n.startswith(name))), None)
        if full is None:
            errors.append(f"{name}: drawn but no embedded FontFile2")
            continue
        subset = TTFont(io.BytesIO(embedded[full]))
        source = sources.get(full.split("+", 1)[-1])
        if source is None:
            errors.append(f"{name}: no source font to compare with")
            continue
        for gid in sorted(gids):
            report["glyphs"] += 1
            if gid == 0:
                errors.append(f"{name}: draws .notdef (glyph 0)")
                continue
            mine, original = outline(subset, gid), outline(source, gid)
            if mine is None:
                errors.append(f"{name}: glyph {gid} is not in the embedded font")
            elif mine != original:
                errors.append(f"{name}: glyph {gid} outline differs from the source font ({len(mine[0]) if mine else 0} points, source {len(original[0]) if original else 0})")
            elif mine == ():
                report["blank"] += 1
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
