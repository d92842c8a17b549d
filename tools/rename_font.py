"""Give a TrueType font a family name of its own: how resources/fonts/VaaldstodSheetSans-*.ttf
were made from Noto Sans (fonts-noto-core 20201225-1), e.g.

    python tools/rename_font.py NotoSans-Regular.ttf resources/fonts/VaaldstodSheetSans-Regular.ttf

Why: Qt's font matching on Linux (fontconfig) prefers a font called "Noto Sans" for the app's
generic "Sans Serif" as soon as one is registered, and a QFont that resolved it once keeps it
after the font is removed again, so the app's own text would be measured differently after a
sheet was printed. A family name no one asks for is only used where a sheet names it. The SIL
OFL 1.1 allows modified versions; Noto declares no Reserved Font Name. Only the `name` table
changes; the glyphs are Noto Sans's.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

FAMILY = "Vaaldstod Sheet Sans"
POSTSCRIPT = "VaaldstodSheetSans"


def _checksum(data: bytes) -> int:
    data += b"\0" * (-len(data) % 4)
    return sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF


def _name_table(old: bytes) -> bytes:
    _format, count, string_offset = struct.unpack(">HHH", old[:6])
    records = [struct.unpack(">6H", old[6 + 12 * i : 18 + 12 * i]) for i in range(count)]
    style = "Regular"
    for platform, _encoding, _language, name_id, length, offset in records:
        if name_id == 2 and platform == 3:
            start = string_offset + offset
            style = old[start : start + length].decode("utf-16-be")
    new_texts = {
        1: FAMILY,
        3: f"{POSTSCRIPT}-{style}",
        4: f"{FAMILY} {style}" if style != "Regular" else FAMILY,
        6: f"{POSTSCRIPT}-{style}",
        16: FAMILY,
    }
    kept, strings = [], b""
    for platform, encoding, language, name_id, length, offset in records:
        if platform not in (1, 3):
            continue
        start = string_offset + offset
        text = old[start : start + length]
        if name_id in new_texts:
            codec = "utf-16-be" if platform == 3 else "latin-1"
            text = new_texts[name_id].encode(codec)
        kept.append((platform, encoding, language, name_id, len(text), len(strings)))
        strings += text
    header = struct.pack(">HHH", 0, len(kept), 6 + 12 * len(kept))
    return header + b"".join(struct.pack(">6H", *r) for r in kept) + strings


def rename(source: Path, target: Path) -> None:
    """Write `source` with the family FAMILY to `target`."""
    data = source.read_bytes()
    version, count = struct.unpack(">IH", data[:6])
    tables = {}
    for i in range(count):
        tag, _check, offset, length = struct.unpack(">4sIII", data[12 + 16 * i : 28 + 16 * i])
        tables[tag] = data[offset : offset + length]
    tables[b"name"] = _name_table(tables[b"name"])
    head = bytearray(tables[b"head"])
    head[8:12] = b"\0\0\0\0"  # checkSumAdjustment, set below
    tables[b"head"] = bytes(head)
    tags = sorted(tables)
    search = 1 << (len(tags).bit_length() - 1)
    out = struct.pack(
        ">IHHHH",
        version,
        len(tags),
        search * 16,
        search.bit_length() - 1,
        (len(tags) - search) * 16,
    )
    offset = 12 + 16 * len(tags)
    body = b""
    for tag in tags:
        table = tables[tag]
        out += struct.pack(">4sIII", tag, _checksum(table), offset + len(body), len(table))
        body += table + b"\0" * (-len(table) % 4)
    font = bytearray(out + body)
    head_at = offset + body.index(tables[b"head"])
    adjustment = (0xB1B0AFBA - _checksum(bytes(font))) & 0xFFFFFFFF
    font[head_at + 8 : head_at + 12] = struct.pack(">I", adjustment)
    target.write_bytes(bytes(font))


if __name__ == "__main__":
    rename(Path(sys.argv[1]), Path(sys.argv[2]))
