"""Illustrations for the demo, drawn with Pillow so no photo is shipped."""

import hashlib
import io
import math

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFilter, ImageFont

PALETTES = [
    ((18, 52, 86), (231, 111, 81), (244, 162, 97)),
    ((38, 70, 83), (42, 157, 143), (233, 196, 106)),
    ((29, 53, 87), (69, 123, 157), (168, 218, 220)),
    ((53, 40, 70), (181, 101, 118), (229, 152, 155)),
    ((40, 54, 24), (96, 108, 56), (221, 161, 94)),
    ((3, 4, 94), (0, 119, 182), (144, 224, 239)),
]


def _seed(text: str) -> int:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16)


def _jpeg(image: Image.Image, name: str) -> ContentFile:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=86)
    return ContentFile(out.getvalue(), name=name)


def hero(slug: str, width: int = 1600, height: int = 900) -> ContentFile:
    """A landscape of layered ridges under a graded sky, coloured by the slug."""
    seed = _seed(slug)
    dark, mid, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(light[i] * (1 - t) + mid[i] * t) for i in range(3)),
        )
    sun_x = width * (0.2 + (seed >> 8) % 60 / 100)
    draw.ellipse(
        [sun_x - 90, height * 0.22 - 90, sun_x + 90, height * 0.22 + 90],
        fill=(255, 244, 214),
    )
    for layer in range(4):
        shade = tuple(
            round(mid[i] * (1 - layer / 4) + dark[i] * layer / 4) for i in range(3)
        )
        base = height * (0.45 + layer * 0.13)
        phase = (seed >> (layer * 5)) % 628 / 100
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            wave = math.sin(x / (180 + layer * 60) + phase) * (60 - layer * 8)
            points.append((x, base + wave))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    return _jpeg(image.filter(ImageFilter.SMOOTH), f"{slug}.jpg")


def portrait(name: str, size: int = 640) -> ContentFile:
    """A head-and-shoulders silhouette with initials on a tinted ground."""
    seed = _seed(name)
    dark, mid, light = PALETTES[seed % len(PALETTES)]
    image = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    draw.ellipse([size * 0.12, size * 0.62, size * 0.88, size * 1.35], fill=mid)
    draw.ellipse([size * 0.32, size * 0.18, size * 0.68, size * 0.58], fill=mid)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = ImageFont.load_default(size=size // 6)
    draw.text((size / 2, size * 0.38), initials, fill=light, font=font, anchor="mm")
    draw.rectangle([0, size - 12, size, size], fill=dark)
    return _jpeg(image, f"{name.lower().replace(' ', '-')}.jpg")
