"""What kind of file an export is, in which encoding, and how to read it in bounded memory.

Shared by the FEC and the CSV/Excel parsers: format detection, encoding detection
(UTF-8 with or without BOM, Windows-1252, ISO-8859-15), a reader that streams a text file
in chunks cut at line ends, and the capped list of rejected lines.
"""

from __future__ import annotations

import codecs
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from desktop.domain.ledger import ImportProblem, RejectedLine

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]

SAMPLE_SIZE = 64 * 1024  # bytes looked at to detect the format and the encoding
CHUNK_SIZE = 1 << 20  # bytes read at a time
MAX_LINE_BYTES = 16 << 20  # a "line" longer than this is not a text export
MAX_REJECTED = 1000  # rejected lines kept in memory; the rest are only counted

FEC_FIELDS = (
    "JournalCode",
    "JournalLib",
    "EcritureNum",
    "EcritureDate",
    "CompteNum",
    "CompteLib",
    "CompAuxNum",
    "CompAuxLib",
    "PieceRef",
    "PieceDate",
    "EcritureLib",
    "Debit",
    "Credit",
    "EcritureLet",
    "DateLet",
    "ValidDate",
    "Montantdevise",
    "Idevise",
)
FEC_SEPARATORS = ("\t", "|")
_FEC_COMMON = frozenset(n.lower() for n in FEC_FIELDS if n not in ("Debit", "Credit"))
_FEC_DEBIT_CREDIT = frozenset(("debit", "credit"))
_FEC_AMOUNT_SIDE = frozenset(("montant", "sens"))

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # Excel's "Texte Unicode" export
_ZIP_MAGIC = b"PK\x03\x04"
# C0 controls that never appear in a text export (tab, LF, FF, CR and DOS EOF are fine).
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])
_C1_BYTES = bytes(range(0x80, 0xA0))  # printable in Windows-1252, controls in ISO-8859-15
# Bytes that ISO-8859-15 turned into € Š š Œ œ Ÿ where Windows-1252 has ¤ ¦ ¨ ¼ ½ ¾.
_LATIN9_LETTERS = b"\xa4\xa6\xa8\xbc\xbd\xbe"


def _all_but(keep: bytes) -> bytes:
    return bytes(b for b in range(256) if b not in keep)


_DELETE_ALL_BUT_CONTROL = _all_but(_CONTROL_BYTES)
_DELETE_ALL_BUT_C1 = _all_but(_C1_BYTES)
_DELETE_ALL_BUT_LATIN9 = _all_but(_LATIN9_LETTERS)


class ImportCancelled(Exception):
    """Raised by the parsers when `cancelled()` returns True; nothing is returned."""


class ReadProblem(Exception):
    """A file-level problem met while reading: the parser stops and reports this line."""

    def __init__(self, line_no: int, problem: ImportProblem, detail: str = "") -> None:
        super().__init__(f"{line_no}: {problem} {detail}")
        self.rejected = RejectedLine(line_no, problem, detail)


# -- format -------------------------------------------------------------------------


def fec_header(line: str) -> tuple[str, list[str]] | None:
    """(separator, lower-cased field names) when `line` is a FEC header, else None."""
    for separator in FEC_SEPARATORS:
        if separator not in line:
            continue
        names = [n.strip().strip('"').lower() for n in line.split(separator)]
        present = set(names)
        if _FEC_COMMON <= present and (_FEC_DEBIT_CREDIT <= present or _FEC_AMOUNT_SIDE <= present):
            return separator, names
    return None


def missing_fec_fields(line: str) -> list[str]:
    """The FEC field names absent from a header line, with its likeliest separator."""
    best: list[str] | None = None
    for separator in FEC_SEPARATORS:
        present = {n.strip().strip('"').lower() for n in line.split(separator)}
        wanted = [n for n in FEC_FIELDS if n not in ("Debit", "Credit")]
        if not _FEC_AMOUNT_SIDE <= present:
            wanted += ["Debit", "Credit"]
        missing = [n for n in wanted if n.lower() not in present]
        if best is None or len(missing) < len(best):
            best = missing
    return best or []


def detect_format(path: Path) -> str:
    """'xlsx' (zip magic bytes), 'fec' (first line holds the 18 FEC names) or 'csv'.

    Never raises: an unreadable file is 'csv', and the parser then says what is wrong.
    """
    try:
        with open(path, "rb") as fh:
            sample = fh.read(SAMPLE_SIZE)
    except OSError:
        return "csv"
    if sample.startswith(_ZIP_MAGIC):
        return "xlsx"
    try:
        text, _ = decode_bytes(sample, final=len(sample) < SAMPLE_SIZE)
    except ValueError:
        return "csv"
    first = text.lstrip("\r\n").split("\n", 1)[0].split("\r", 1)[0]
    return "fec" if fec_header(first) else "csv"


# -- encoding -----------------------------------------------------------------------


def is_binary(data: bytes) -> bool:
    """NUL bytes, or more than 2 % of control characters no text export contains."""
    if b"\x00" in data:
        return True
    controls = len(data.translate(None, _DELETE_ALL_BUT_CONTROL))
    return controls * 50 > len(data)


def single_byte_encoding(data: bytes) -> str:
    """Windows-1252 unless the bytes only make sense as ISO-8859-15.

    Bytes 0x80-0x9F are letters in Windows-1252 (€ ’ œ …) and controls in ISO-8859-15;
    without them, 0xA4 0xA6 0xA8 0xBC 0xBD 0xBE read as € Š š Œ œ Ÿ are far likelier in
    French text than ¤ ¦ ¨ ¼ ½ ¾.
    """
    if data.translate(None, _DELETE_ALL_BUT_C1):
        return "cp1252"
    if data.translate(None, _DELETE_ALL_BUT_LATIN9):
        return "iso-8859-15"
    return "cp1252"


def _utf8_ok(data: bytes, final: bool) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A sample may stop in the middle of a multi-byte character.
        return not final and exc.reason == "unexpected end of data"
    return True


def _detect(data: bytes, final: bool) -> str:
    if data.startswith(_UTF8_BOM):
        return "utf-8-sig"
    if _utf8_ok(data, final):
        return "utf-8"
    return single_byte_encoding(data)


def decode_bytes(data: bytes, *, final: bool = True) -> tuple[str, str]:
    """(text, encoding): UTF-8 with BOM, UTF-8, Windows-1252 or ISO-8859-15.

    Raises ValueError on binary data (NUL bytes, control characters) or on a file that
    says UTF-8 (BOM) but is not. With final=False a multi-byte character cut at the end
    of `data` is dropped instead of making the sample look like Windows-1252. UTF-16
    with a BOM (Excel's "Texte Unicode") is read too.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = codecs.getincrementaldecoder("utf-16")().decode(data, final=final)
        except UnicodeDecodeError as exc:
            raise ValueError(f"not utf-16: {exc}") from None
        if "\x00" in text:
            raise ValueError("binary data")
        return text, "utf-16"
    if is_binary(data):
        raise ValueError("binary data")
    encoding = _detect(data, final)
    body = data[len(_UTF8_BOM) :] if encoding == "utf-8-sig" else data
    codec = "utf-8" if encoding.startswith("utf-8") else encoding
    try:
        if final:
            text = body.decode(codec)
        else:
            text = codecs.getincrementaldecoder(codec)().decode(body, final=False)
    except UnicodeDecodeError as exc:
        if codec == "cp1252":  # 0x81 0x8D 0x8F 0x90 0x9D are undefined in Windows-1252
            return body.decode("iso-8859-15"), "iso-8859-15"
        raise ValueError(f"not {encoding}: {exc}") from None
    return text, encoding


# -- streaming ----------------------------------------------------------------------


class TextReader:
    """Reads a text export in chunks of about 1 MB, each cut after a line end.

    The encoding is detected on the first 64 KB. When those are pure ASCII the UTF-8
    guess is only tentative: the first non-UTF-8 byte further on switches the rest of
    the file to Windows-1252 / ISO-8859-15. Raises ReadProblem (binary content,
    undecodable bytes, absurdly long line) and ImportCancelled.
    """

    def __init__(
        self,
        fh: BinaryIO,
        size: int,
        *,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        chunk_size: int | None = None,
    ) -> None:
        self._fh = fh
        self._size = size
        self._progress = progress
        self._cancelled = cancelled
        self._chunk_size = chunk_size or CHUNK_SIZE
        self._reported = 0.0
        self._codec = "utf-8"
        self._tentative = False
        self._eol = b"\n"
        self.encoding = ""

    def report(self, fraction: float) -> None:
        """Calls progress() when the fraction moved by at least 1 % (or reached 1)."""
        if self._progress is None:
            return
        fraction = min(max(fraction, 0.0), 1.0)
        if fraction - self._reported >= 0.01 or (fraction >= 1.0 > self._reported):
            self._reported = fraction
            self._progress(fraction)

    def check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise ImportCancelled

    def chunks(self) -> Iterator[str]:
        pending = b""
        first = True
        lines_before = 0  # line ends in what was already yielded
        bytes_read = 0
        while True:
            self.check_cancelled()
            block = self._fh.read(self._chunk_size)
            bytes_read += len(block)
            if first and not pending and block.startswith(_UTF16_BOMS):
                yield from self._utf16_chunks(block)
                return
            eof = not block
            data = pending + block if pending else block
            if first and b"\n" not in data and b"\r" in data:
                eol = self._eol = b"\r"  # classic Mac line ends ("CSV Macintosh")
            eol = self._eol
            if not eof:
                cut = data.rfind(eol) + 1
                if cut == 0:
                    if len(data) > MAX_LINE_BYTES:
                        raise ReadProblem(
                            lines_before + 1, ImportProblem.TOO_LARGE, "ligne de plus de 16 Mo"
                        )
                    pending = data
                    continue
                pending = data[cut:]
                data = data[:cut]
            elif not data:
                return
            if first:
                first = False
                data = self._start(data, final=eof)
            if b"\x00" in data:
                line = lines_before + data[: data.index(b"\x00")].count(eol) + 1
                raise ReadProblem(line, ImportProblem.BINARY_FILE, "octet nul")
            text = self._decode(data, lines_before)
            if eol == b"\r":
                text = text.replace("\r", "\n")
            lines_before += data.count(eol)
            if self._size:
                self.report(bytes_read / self._size)
            yield text
            if eof:
                return

    def _utf16_chunks(self, block: bytes) -> Iterator[str]:
        """UTF-16 cannot be cut on b"\n": decode first, then cut the text."""
        self.encoding = "utf-16"
        decoder = codecs.getincrementaldecoder("utf-16")()
        pending = ""
        lines_before = 0
        bytes_read = len(block)
        while True:
            eof = not block
            try:
                text = pending + decoder.decode(block, final=eof)
            except UnicodeDecodeError:
                line = lines_before + pending.count("\n") + 1
                raise ReadProblem(line, ImportProblem.UNREADABLE_FILE, "UTF-16 invalide") from None
            pending = ""
            if not eof:
                cut = text.rfind("\n") + 1
                text, pending = text[:cut], text[cut:]
                if len(pending) > MAX_LINE_BYTES:
                    raise ReadProblem(
                        lines_before + 1, ImportProblem.TOO_LARGE, "ligne de plus de 16 Mo"
                    )
            if "\x00" in text:
                line = lines_before + text[: text.index("\x00")].count("\n") + 1
                raise ReadProblem(line, ImportProblem.BINARY_FILE, "caractère nul")
            if text:
                lines_before += text.count("\n")
                if self._size:
                    self.report(bytes_read / self._size)
                yield text
            if eof:
                return
            self.check_cancelled()
            block = self._fh.read(self._chunk_size)
            bytes_read += len(block)

    def _start(self, data: bytes, *, final: bool) -> bytes:
        sample = data[:SAMPLE_SIZE]
        if is_binary(sample):
            raise ReadProblem(0, ImportProblem.BINARY_FILE)
        self.encoding = _detect(sample, final or len(data) <= SAMPLE_SIZE)
        if self.encoding == "utf-8-sig":
            self._codec = "utf-8"
            return data[len(_UTF8_BOM) :]
        self._codec = "utf-8" if self.encoding == "utf-8" else self.encoding
        self._tentative = self.encoding == "utf-8" and sample.isascii()
        return data

    def _decode(self, data: bytes, lines_before: int) -> str:
        try:
            text = data.decode(self._codec)
        except UnicodeDecodeError as exc:
            if self._tentative:
                self._tentative = False
                self._codec = self.encoding = single_byte_encoding(data)
                return self._decode(data, lines_before)
            if self._codec == "cp1252":
                return data.decode("iso-8859-15")
            line = lines_before + data[: exc.start].count(self._eol) + 1
            raise ReadProblem(
                line,
                ImportProblem.UNREADABLE_FILE,
                f"octets invalides en {self.encoding} (encodage mélangé ?)",
            ) from None
        if self._tentative and not data.isascii():
            self._tentative = False  # real UTF-8 seen: from now on it is certain
        return text


def split_lines(text: str) -> list[str]:
    """Lines of a chunk from TextReader, without their CR/LF ends."""
    if "\r" in text:
        # Windows line ends throughout (the usual FEC): split on them, without first
        # copying the whole chunk to replace them.
        if text.count("\r\n") == text.count("\n"):
            lines = text.split("\r\n")
            if lines and not lines[-1]:
                lines.pop()
            return lines
        text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a parser builds its aggregates.

    Each collection walks every live container; with hundreds of thousands of
    aggregates (none of them cyclic) that costs more than the parsing itself. The
    previous state is restored, whatever happens.

    On the way out, what was allocated meanwhile joins the oldest generation directly
    (freeze, then unfreeze): left in the youngest one, the first collection after the
    pause would walk them all at once (a third of a second for a large FEC) only to
    find them alive. Cycles among them are still collected by the next full collection.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


# -- rejected lines -----------------------------------------------------------------


class Rejections:
    """Every rejected line up to MAX_REJECTED, then one TOO_LARGE note with the count."""

    def __init__(self, cap: int = MAX_REJECTED) -> None:
        self._cap = cap
        self._items: list[RejectedLine] = []
        self._total = 0
        self._overflow_line = 0

    def add(self, line_no: int, problem: ImportProblem, detail: str = "") -> None:
        self._total += 1
        if self._total <= self._cap:
            self._items.append(RejectedLine(line_no, problem, detail))
        elif self._total == self._cap + 1:
            self._overflow_line = line_no

    def add_rejected(self, rejected: RejectedLine) -> None:
        self.add(rejected.line_no, rejected.problem, rejected.detail)

    def __bool__(self) -> bool:
        return self._total > 0

    def __len__(self) -> int:
        return self._total

    def result(self) -> tuple[RejectedLine, ...]:
        items = sorted(self._items, key=lambda r: r.line_no)
        if self._total > self._cap:
            items.append(
                RejectedLine(
                    self._overflow_line,
                    ImportProblem.TOO_LARGE,
                    f"{self._total} lignes rejetées, seules les {self._cap} premières sont listées",
                )
            )
        return tuple(items)
