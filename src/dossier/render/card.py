"""The Open Graph card (og:image): one PNG per edition, drawn at build time with Pillow, from the
documentary's title and author in the edition's language. No third-party service, no web font: the
font is a file on this machine (DejaVu Sans, Debian's fonts-dejavu-core, which `make` installs), or
the one DOSSIER_CARD_FONT names."""

from __future__ import annotations

import functools
import io
import os
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
"""The size the Open Graph and large-card previews expect (1.91:1)."""
PATH = "assets/dossier/card.png"
FONTS = ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BACKGROUND, FOREGROUND, MUTED = (40, 53, 147), (255, 255, 255), (197, 202, 233)  # the site's indigo palette


class NoFont(RuntimeError):
    """No font file with the glyphs the card needs was found."""


def font_path() -> Path:
    """The font the card is drawn with: DOSSIER_CARD_FONT, else DejaVu Sans Bold, else DejaVu Sans."""
    named = os.environ.get("DOSSIER_CARD_FONT")
    for candidate in ([named] if named else FONTS):
        if Path(candidate).is_file():
            return Path(candidate)
    raise NoFont(f"the Open Graph card needs a font file: {named or ' or '.join(FONTS)} was not found "
                 "(hint: `make setup` installs Debian's fonts-dejavu-core; or set DOSSIER_CARD_FONT to a .ttf file)")


def png(title: str, author: str, font: Path | None = None) -> bytes:
    """The card: the title, wrapped, over the author, on the site's colour. Same input, same bytes."""
    return _png(title, author, font or font_path())


@functools.lru_cache(maxsize=8)  # drawn once for every edition and `mkdocs serve` rebuild with the same title
def _png(title: str, author: str, font: Path) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    big, small = ImageFont.truetype(str(font), 64), ImageFont.truetype(str(font), 34)
    lines = textwrap.wrap(title, width=30)[:5]
    y = 90
    for line in lines:
        draw.text((80, y), line, font=big, fill=FOREGROUND)
        y += 82
    draw.rectangle((80, HEIGHT - 150, 200, HEIGHT - 142), fill=MUTED)
    draw.text((80, HEIGHT - 120), textwrap.shorten(author, width=60, placeholder="…"), font=small, fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
