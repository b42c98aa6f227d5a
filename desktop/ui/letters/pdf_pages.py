"""PDF pages as images, for previews and printing (PySide6-Essentials has no QtPdf).

pypdfium2 renders a page into a BGRA buffer, which is exactly QImage's ARGB32 layout
on little-endian machines (ARGB32 is stored as B, G, R, A bytes there); the image is
copied so it no longer depends on pdfium's buffer. QImage (unlike QPixmap) may be made
on a worker thread.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

# pdfium must not be called from two threads at once: printing renders on a worker
# thread while the preview may render a page on the UI thread (issue 9).
_PDFIUM = threading.RLock()

_FORMAT = (
    QImage.Format.Format_ARGB32 if sys.byteorder == "little" else QImage.Format.Format_RGBA8888
)


class PdfPages:
    """An open PDF whose pages are rendered on demand. Close it when done."""

    def __init__(self, path: Path) -> None:
        with _PDFIUM:
            self._pdf = pdfium.PdfDocument(str(path))

    def __len__(self) -> int:
        with _PDFIUM:
            return len(self._pdf)

    def image(self, index: int, dpi: float = 72.0) -> QImage:
        """Page `index` (0-based) at `dpi` dots per inch."""
        with _PDFIUM:
            return self._image(index, dpi)

    def _image(self, index: int, dpi: float) -> QImage:
        page = self._pdf[index]
        try:
            bitmap = page.render(
                scale=dpi / 72.0,
                force_bitmap_format=pdfium.raw.FPDFBitmap_BGRA,
                rev_byteorder=sys.byteorder != "little",
            )
            image = QImage(
                bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, _FORMAT
            ).copy()
            bitmap.close()
            return image
        finally:
            page.close()

    def close(self) -> None:
        with _PDFIUM:
            self._pdf.close()
