"""Vectorised checks of a whole FEC chunk, for exports of hundreds of thousands of lines.

The line-by-line parser (fec.py) spends most of its time on lines it then drops: about
two lines in three are on revenue, VAT or bank accounts, checked and forgotten. Here numpy
looks at a chunk at once: where each line and each field starts, whether every line is
*plain*, and for the lines that matter their amount in cents and their date (411…
lines, which the caller still splits to aggregate them) or their entry (revenue and
output-VAT lines).

A line is plain when it has the header's number of fields (one trailing separator more
or less, as the line parser tolerates), an ASCII letter or digit first in CompteNum,
EcritureDate as 8 digits (a valid date, 1900-2199), PieceDate likewise or empty, amounts
as digits with a decimal comma or point and two decimals (left-padded with spaces or
zeros) or empty, Sens exactly D or C. Every plain line reads the same through
`fec_cents` and `fec_date`: this is a subset of what the line parser accepts, never a
different reading. A chunk with one line that is not plain (a sign, a padded date, a
blank CompteNum, a lone CR, a wrong column count…) gets None, and the caller parses it
line by line, so each problem is reported as before, with its line number.

numpy is pandas' own dependency; it is imported when the first chunk is scanned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_LF, _CR = 10, 13
_PAD = 32  # spaces around the chunk's bytes, so that 8-byte reads never leave them

# Cells are read 8 bytes at a time as little-endian words (the first character in the
# lowest byte) and checked byte by byte with carry-free word arithmetic.
_ONES = 0x0101010101010101
_HIGH = 0x8080808080808080
_LOW7 = 0x7F7F7F7F7F7F7F7F
_SPACES = 0x20 * _ONES
_ZEROS = 0x30 * _ONES
# An amount is read right-aligned in up to three words (24 characters, the decimal
# separator and the cents in the last word): 13 digits of euros, zero padding beyond.
_AMOUNT_WORDS = 3


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the fields the scan reads are, from the header."""

    separator: str
    ncols: int
    trailing: bool  # the header ends with a separator: one field less is tolerated
    journal: int
    number: int
    date: int
    account: int
    piece_date: int
    amount_a: int  # Debit, or Montant
    amount_b: int  # Credit, or Sens
    amount_side: bool  # Montant + Sens instead of Debit + Credit
    piece: int  # PieceRef


@dataclass(frozen=True, slots=True)
class Receivables:
    """The 411… lines of a chunk on one side (debit or credit), in their order."""

    line_index: list[int]  # index of the line in the chunk, counting every line from 0
    text: list[str]  # the line, without its line end
    cents: list[int]  # |debit − credit|
    issued: list[int]  # PieceDate, else EcritureDate, as YYYYMMDD


@dataclass(frozen=True, slots=True)
class PlainChunk:
    """A chunk whose lines are all plain, and what its 411… and revenue lines hold."""

    lines: int  # lines in the chunk, blank ones included
    count: int  # non-blank lines
    debits: Receivables  # 411… lines where debit − credit > 0
    credits: Receivables  # … < 0
    # PieceRef cells of 411… lines that do not start with an ASCII letter or digit: the
    # caller checks they are not blank (the line parser rejects a blank one).
    doubtful_pieces: list[str]
    # JournalCode and EcritureNum of the revenue and output-VAT lines (7…, 4457…), not
    # stripped; a line is left out when both are those of the revenue line before it.
    journals: list[str]
    numbers: list[str]


def scan_chunk(text: str, layout: Layout) -> PlainChunk | None:
    """What a chunk holds when every line of it is plain, else None (then nothing about
    the chunk may be taken from here: the line parser reads all of it)."""
    import numpy as np

    # One byte per character whatever the file's encoding, so byte offsets are text
    # offsets; a character beyond Latin-1 becomes "?", which no check below accepts.
    try:
        data = text.encode("latin-1")
        lossy = False
    except UnicodeEncodeError:
        data = text.encode("latin-1", "replace")
        lossy = True  # two different cells may now hold the same bytes
    size = len(data)
    if not size:
        return None
    buffer = np.frombuffer(data, dtype=np.uint8)
    ends = np.flatnonzero(buffer == _LF)
    if data[-1] != _LF:  # the last line of the file, without a line end
        ends = np.append(ends, size)
    lines = int(ends.size)
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    crlf = buffer[np.maximum(ends - 1, 0)] == _CR
    if data[-1] != _LF:
        crlf[-1] = False  # the file's last line: a CR there ends no line
    crs = int(np.count_nonzero(buffer == _CR))
    if crs:
        # split_lines drops the CR of each CRLF and keeps any other CR inside its line:
        # such a line is left to the line parser.
        if int(np.count_nonzero(crlf)) != crs:
            return None
        ends = ends - crlf
    filled = ends > starts  # empty lines are skipped, as the line parser does
    line_index = None
    if not filled.all():
        line_index = np.flatnonzero(filled)
        starts = starts[filled]
        ends = ends[filled]
    count = int(starts.size)
    if not count:
        return None

    separator = ord(layout.separator)
    separators = np.flatnonzero(buffer == separator)
    first = np.searchsorted(separators, starts)
    last = np.searchsorted(separators, ends)
    found = last - first
    ncols = layout.ncols
    plain = found == ncols - 1
    regular = bool(plain.all())
    if not regular:
        # One trailing separator more (an empty last field), or one less when the
        # header itself ends with a separator.
        plain |= (found == ncols) & (buffer[ends - 1] == separator)
        if layout.trailing:
            plain |= found == ncols - 2
        if not plain.all():
            return None

    def field(k: int) -> tuple[Any, Any]:
        """Start and end offsets of field k on every line."""
        at = first + k
        start = starts if k == 0 else separators[at - 1] + 1
        if k == ncols - 1:
            return start, ends
        if regular:  # ncols - 1 separators on every line: field k ends at the next one
            return start, separators[at]
        end = np.where(at < last, separators[np.minimum(at, separators.size - 1)], ends)
        return start, end

    padded = b" " * _PAD + data + b" " * _PAD
    words = np.ndarray((len(padded) - 7,), dtype="<u8", buffer=padded, strides=(1,))

    def word(at: Any) -> Any:
        """The 8 bytes from offset `at` of the chunk, one uint64 each."""
        return words[at + _PAD]

    kinds = _account_kinds(np, word, *field(layout.account))
    if kinds is None:
        return None
    receivable, revenue = kinds

    day_ok, day = _dates(np, word, *field(layout.date), blank_ok=False)
    issued_ok, issued = _dates(np, word, *field(layout.piece_date), blank_ok=True)
    a_ok, a = _cents(np, word, *field(layout.amount_a))
    if layout.amount_side:
        side_start, side_end = field(layout.amount_b)
        side = word(side_start) & 0xFF
        is_debit = side == ord("D")
        b_ok = (side_end - side_start == 1) & (is_debit | (side == ord("C")))
        net = np.where(is_debit, a, -a)
    else:
        b_ok, b = _cents(np, word, *field(layout.amount_b))
        net = a - b
    if not (day_ok & issued_ok & a_ok & b_ok).all():
        return None
    issued = np.where(issued == 0, day, issued)  # no PieceDate: the entry's date

    index = np.arange(count) if line_index is None else line_index

    def side(mask: Any) -> Receivables:
        rows = np.flatnonzero(mask)
        (texts,) = _read_cells(np, text, [(starts[rows], ends[rows])])
        return Receivables(
            line_index=index[rows].tolist(),
            text=texts,
            cents=np.abs(net[rows]).tolist(),
            issued=issued[rows].tolist(),
        )

    piece_start, piece_end = field(layout.piece)
    doubtful = receivable & ~((piece_end > piece_start) & _alphanumeric(word(piece_start)))
    (doubtful_pieces,) = _read_cells(np, text, [(piece_start[doubtful], piece_end[doubtful])])
    journals, numbers = _entry_keys(np, text, word, np.flatnonzero(revenue), field, layout, lossy)
    return PlainChunk(
        lines=lines,
        count=count,
        debits=side(receivable & (net > 0)),
        credits=side(receivable & (net < 0)),
        doubtful_pieces=doubtful_pieces,
        journals=journals,
        numbers=numbers,
    )


def _read_cells(np: Any, text: str, fields: list[tuple[Any, Any]]) -> list[list[str]]:
    """For each (starts, ends) of `fields` (one entry per row), the cells' text: sliced
    from the text in one pass (no Python step per cell)."""
    n = len(fields)
    if not n or not fields[0][0].size:
        return [[] for _ in fields]
    starts = np.stack([start for start, _ in fields], axis=1).ravel().tolist()
    ends = np.stack([end for _, end in fields], axis=1).ravel().tolist()
    cells = list(map(text.__getitem__, map(slice, starts, ends)))
    return [cells[k::n] for k in range(n)]


# -- byte arithmetic on uint64 words ------------------------------------------------


def _not_digit(x: Any) -> Any:
    """High bit of each byte set where the byte is not an ASCII digit."""
    t = x ^ _ZEROS  # digits become 0-9
    return (((t & _LOW7) + 0x76 * _ONES) | t) & _HIGH  # 0x76 + 10 = 0x80


def _not_space(x: Any) -> Any:
    """High bit of each byte set where the byte is not a space."""
    t = x ^ _SPACES
    return (((t & _LOW7) + _LOW7) | t) & _HIGH


def _digit_pairs(x: Any) -> Any:
    """8 ASCII digits (first one in the lowest byte) as four 2-digit numbers, one per
    16-bit lane ("20240115" -> 20, 24, 01, 15 from the lowest lane up)."""
    return (((x & (0x0F * _ONES)) * 2561) >> 8) & 0x00FF00FF00FF00FF


def _eight_digits(x: Any) -> Any:
    """The number written by 8 ASCII digits (first one in the lowest byte)."""
    x = (_digit_pairs(x) * 6553601) >> 16
    return ((x & 0x0000FFFF0000FFFF) * 42949672960001) >> 32


def _low_bytes(np: Any, count: Any) -> Any:
    """A word with its `count` (0 to 8) lowest bytes at 0xFF."""
    table = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)
    return table[count]


# -- cells --------------------------------------------------------------------------


def _alphanumeric(x: Any) -> Any:
    """Whether the lowest byte of each word is an ASCII letter or digit."""
    c0 = x & 0xFF
    letter = c0 | 0x20
    return ((c0 >= ord("0")) & (c0 <= ord("9"))) | ((letter >= ord("a")) & (letter <= ord("z")))


def _account_kinds(np: Any, word: Any, start: Any, end: Any) -> tuple[Any, Any] | None:
    """(411… mask, 7… or 4457… mask), or None when a CompteNum does not start with an
    ASCII letter or digit (blank, padded…): the line parser says what is wrong."""
    length = end - start
    if not (length > 0).all():
        return None
    head = word(start) & _low_bytes(np, np.minimum(length, 4))
    c0 = head & 0xFF
    if not _alphanumeric(head).all():
        return None
    receivable = (head & 0xFFFFFF) == int.from_bytes(b"411", "little")
    revenue = (c0 == ord("7")) | (head == int.from_bytes(b"4457", "little"))
    return receivable, revenue


def _dates(np: Any, word: Any, start: Any, end: Any, *, blank_ok: bool) -> tuple[Any, Any]:
    """(plain mask, YYYYMMDD as int, 0 for an empty cell): 8 ASCII digits making a valid
    date between 1900 and 2199, or (blank_ok) an empty cell."""
    length = end - start
    x = word(start)
    valid = (length == 8) & (_not_digit(x) == 0)
    pairs = _digit_pairs(x)
    century = (pairs & 0xFF).astype(np.int64)
    in_century = ((pairs >> 16) & 0xFF).astype(np.int64)
    month = ((pairs >> 32) & 0xFF).astype(np.int64)
    day = (pairs >> 48).astype(np.int64)
    year = century * 100 + in_century
    # Leap: divisible by 4, and not a century or a century divisible by 4.
    leap = np.where(in_century == 0, century % 4 == 0, in_century % 4 == 0)
    month_days = np.asarray(_DAYS_IN_MONTH)[np.clip(month, 0, 12)] + ((month == 2) & leap)
    valid &= (year >= 1900) & (year <= 2199) & (month >= 1) & (month <= 12)
    valid &= (day >= 1) & (day <= month_days)
    value = np.where(valid, year * 10000 + month * 100 + day, 0)
    ok = valid | (length == 0) if blank_ok else valid
    return ok, value


def _cents(np: Any, word: Any, start: Any, end: Any) -> tuple[Any, Any]:
    """(plain mask, cents): spaces, then digits, a comma or a point, two digits; or an
    empty (or all-space) cell, which is 0. Nothing else: no sign, no inner or trailing
    space, no other number of decimals, at most 24 characters."""
    length = end - start
    n_words = -(-int(length.max()) // 8) or 1  # as many as the widest cell needs
    if n_words > _AMOUNT_WORDS:
        return np.zeros(length.shape, dtype=bool), np.zeros(length.shape, dtype=np.int64)
    ok = np.ones(length.shape, dtype=bool)
    blank = np.ones(length.shape, dtype=bool)
    spaces_after = np.zeros(length.shape, dtype=bool)  # a space after a digit
    seen = np.zeros(length.shape, dtype=bool)  # a non-space byte in a word before
    cents = np.zeros(length.shape, dtype=np.uint64)
    for w in range(_AMOUNT_WORDS - n_words, _AMOUNT_WORDS):
        at = end - 8 * (_AMOUNT_WORDS - w)  # right-aligned
        outside = _low_bytes(np, np.clip(start - at, 0, 8))  # bytes before the cell
        x = (word(at) & ~outside) | (_SPACES & outside)
        not_space = _not_space(x)
        space = ~not_space & _HIGH
        blank &= not_space == 0
        full = (space >> 7) * 0xFF  # 0xFF for each space byte
        spaces_after |= ((full & (full + 1)) != 0) | (seen & (space != 0))
        seen |= not_space != 0
        if w < _AMOUNT_WORDS - 1:
            ok &= (_not_digit(x) & not_space) == 0
            value = _eight_digits(x | (0x10 * _ONES))  # spaces read as zeros
            if w == 0:
                ok &= value == 0  # 10^13 euros or more: refused by the line parser
            else:
                cents += value * 10**7  # the euros above the last word's five digits
        else:
            point = (x >> 40) & 0xFF
            ok &= (point == ord(",")) | (point == ord("."))
            ok &= (_not_digit(x) & not_space & 0x000000FFFFFFFFFF) == 0  # euros
            ok &= (_not_digit(x) & 0xFFFF000000000000) == 0  # the cents
            # The five bytes before the point moved up as "000uuuuu", then the cents.
            euros = _eight_digits(((x << 24) | (0x10 * _ONES)) | 0x303030)
            cents += euros * 100 + ((x >> 48) & 0x0F) * 10 + ((x >> 56) & 0x0F)
    ok = blank | (ok & ~spaces_after)
    return ok, np.where(blank, 0, cents).astype(np.int64)


def _entry_keys(
    np: Any, text: str, word: Any, rows: Any, field: Any, layout: Layout, lossy: bool
) -> tuple[list[str], list[str]]:
    """JournalCode and EcritureNum of the revenue lines, skipping a line whose two cells
    are byte for byte those of the revenue line before it (an entry's revenue and VAT
    lines follow one another); none skipped when the bytes are `lossy`."""
    if not rows.size:
        return [], []
    journal_start, journal_end = (a[rows] for a in field(layout.journal))
    number_start, number_end = (a[rows] for a in field(layout.number))
    keep = np.ones(rows.size, dtype=bool)
    if not lossy:
        journal = _short_cells(np, word, journal_start, journal_end)
        number = _short_cells(np, word, number_start, number_end)
        if journal is not None and number is not None:
            keep[1:] = (journal[1:] != journal[:-1]) | (number[1:] != number[:-1])
    journals, numbers = _read_cells(
        np,
        text,
        [(journal_start[keep], journal_end[keep]), (number_start[keep], number_end[keep])],
    )
    return journals, numbers


def _short_cells(np: Any, word: Any, start: Any, end: Any) -> Any | None:
    """Each cell's bytes and length as one number, when every cell holds at most 7
    bytes; None otherwise."""
    length = end - start
    if int(length.max()) > 7:
        return None
    return (word(start) & _low_bytes(np, length)) | (length.astype(np.uint64) << 56)
