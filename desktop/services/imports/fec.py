"""The FEC (Fichier des Écritures Comptables) as a list of open receivables.

Streams the file in chunks of whole lines and keeps one aggregate per document, never
the file: memory grows with the number of receivable documents, not with the number of
lines. Only lines on accounts 411… become entries; the other lines tell a credit note
(its entry also moves a revenue account 7… or output VAT 4457…) from a payment.

What the import service should know:
- kinds: a 411 line on the debit side is an INVOICE; on the credit side a CREDIT_NOTE
  when the same entry (JournalCode + EcritureNum) has a 7… or 4457… line, else a
  PAYMENT; opening entries (journal AN/RAN/ANO or label "A nouveau…") give INVOICE or
  PAYMENT only. A line with debit and credit counts for debit − credit.
- 411 lines with the same customer, kind and PieceRef are summed into one entry whose
  line_no, date, name and label are those of its first line (the credit lines of one
  accounting entry are grouped first, then entries merged).
- one invoice or credit note PieceRef on several customers is CONFLICTING_CUSTOMERS; a
  payment PieceRef may be shared (a remittance crediting several customers): one
  PAYMENT entry per customer.
- open_cents is 0 when every line of the document is lettered, else total_cents;
  matching_code is the first line's EcritureLet, only when all lines are lettered.
- every line is checked (CompteNum, EcritureDate, PieceDate, amounts, Sens), PieceRef
  only on 411 lines; blank lines anywhere are skipped; one trailing separator per line
  is tolerated.

A large file takes a faster road to the same result: fec_fast checks a whole chunk at
once with numpy and, when every line of it is plain, hands over only its 411 and revenue
lines; any other chunk is read line by line here.
"""

from __future__ import annotations

import os
from datetime import date
from operator import attrgetter, itemgetter
from pathlib import Path

from desktop.domain.enums import DocumentKind
from desktop.domain.ledger import ImportProblem, LedgerEntry, ParsedExport, RejectedLine
from desktop.domain.text import fold
from desktop.services.imports.fec_fast import Layout, Receivables, scan_chunk
from desktop.services.imports.sniff import (
    Cancelled,
    ImportCancelled,
    Progress,
    ReadProblem,
    Rejections,
    TextReader,
    fec_header,
    gc_paused,
    missing_fec_fields,
    split_lines,
)

__all__ = ["ImportCancelled", "parse_fec"]

OPENING_JOURNALS = frozenset(("AN", "RAN", "ANO"))
MAX_CENTS = 10**15  # ten thousand billion euros: anything above is a broken file
_MAX_CACHED_DATES = 100_000

_MAX_CACHED_ACCOUNTS = 100_000
# From this size on (bytes) the chunks are scanned with numpy first (see fec_fast): below,
# importing numpy would cost more than it saves.
FAST_PATH_MIN_BYTES = 1 << 20
_MAX_MISSES = 3

# What an account's lines say (see _account_kind); compared by identity.
_RECEIVABLE = "receivable"  # 411…: the lines that become entries
_REVENUE = "revenue"  # 7… or 4457…: its entry is a sale (or a credit note)
_OTHER = "other"

_PIECE_OF_KEY = itemgetter(1)  # (customer code, piece) -> piece

_INVOICE = DocumentKind.INVOICE
_CREDIT_NOTE = DocumentKind.CREDIT_NOTE
_PAYMENT = DocumentKind.PAYMENT


def parse_fec(
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    fast: bool | None = None,
) -> ParsedExport:
    """Read a FEC; never raises on bad content (problems become RejectedLine), only
    ImportCancelled when `cancelled()` returns True.

    `fast` forces the vectorised reading of plain chunks on or off; by default it is on
    for files of FAST_PATH_MIN_BYTES or more. Either way the result is the same.
    """
    try:
        fh = open(path, "rb")
    except OSError as exc:
        return _failed("", RejectedLine(0, ImportProblem.UNREADABLE_FILE, str(exc)))
    with fh:
        try:
            size = os.fstat(fh.fileno()).st_size
        except OSError:
            size = 0
        reader = TextReader(fh, size, progress=progress, cancelled=cancelled)
        parser = _FecParser(fast=size >= FAST_PATH_MIN_BYTES if fast is None else fast)
        with gc_paused():
            try:
                for text in reader.chunks():
                    parser.feed_text(text)
            except ReadProblem as problem:
                parser.rejections.add_rejected(problem.rejected)
                return parser.finish(reader.encoding, stopped=True)
            except OSError as exc:
                parser.rejections.add(parser.line_no, ImportProblem.UNREADABLE_FILE, str(exc))
                return parser.finish(reader.encoding, stopped=True)
            reader.check_cancelled()
            result = parser.finish(reader.encoding)
    reader.report(1.0)
    return result


def _failed(encoding: str, rejected: RejectedLine, line_count: int = 0) -> ParsedExport:
    return ParsedExport("fec", encoding, line_count, (), (rejected,))


def fec_cents(text: str) -> int | None:
    """' 000000000001437,12' -> 143712, '-12,5' -> -1250, '' -> 0; None when invalid.

    Integer arithmetic on the string: never a float. A decimal point is accepted when
    there is no comma; digits beyond the cent must be zeros.
    """
    units, comma, decimals = text.partition(",")
    if len(decimals) == 2 and text.isascii() and units.isdigit() and decimals.isdigit():
        value = int(units + decimals)  # the common case: '1437,12', '000001437,12'
        if value < MAX_CENTS:
            return value
        return None
    t = text.strip()
    if not t:
        return 0
    if " " in t or "\u00a0" in t:
        t = t.replace(" ", "").replace("\u00a0", "")
    negative = False
    first = t[0]
    if first == "-" or first == "+":
        negative = first == "-"
        t = t[1:]
    elif t[-1] == "-" or t[-1] == "+":
        negative = t[-1] == "-"
        t = t[:-1]
    units, comma, decimals = t.partition(",")
    if not comma:
        units, comma, decimals = t.partition(".")
    if not (units or decimals) or not t.isascii():
        return None
    if units and not units.isdigit():
        return None
    if decimals:
        if not decimals.isdigit():
            return None
        n = len(decimals)
        if n == 1:
            decimals += "0"
        elif n > 2:
            if decimals[2:].strip("0"):
                return None
            decimals = decimals[:2]
    else:
        decimals = "00"
    value = int(units + decimals)
    if value >= MAX_CENTS:
        return None
    return -value if negative else value


def fec_date(text: str) -> date | None:
    """'20240115' -> date(2024, 1, 15); None when not a valid YYYYMMDD (1900-2199)."""
    t = text.strip()
    if len(t) != 8 or not t.isdigit() or not t.isascii():
        return None
    year = int(t[:4])
    if not 1900 <= year <= 2199:
        return None
    try:
        return date(year, int(t[4:6]), int(t[6:]))
    except ValueError:
        return None


def _account_kind(account: str) -> str:
    """_RECEIVABLE, _REVENUE or _OTHER for a (stripped, non-blank) CompteNum."""
    if account.startswith("411"):
        return _RECEIVABLE
    if account[0] == "7" or account.startswith("4457"):
        return _REVENUE
    return _OTHER


def _is_opening_label(label: str) -> bool:
    """'A nouveau', 'À NOUVEAU 2024', 'a-nouveau'… (case and accents ignored)."""
    if "nouveau" not in label.lower():
        return False
    folded = fold(label).replace("-", " ").replace("_", " ")
    return folded.startswith("a nouveau")


class _FecParser:
    """Consumes lines, keeps one aggregate per (customer, piece[, entry]) and the set of
    entries that move revenue or output VAT."""

    def __init__(self, *, fast: bool = False) -> None:
        self.fast = fast  # scan each chunk with fec_fast first
        self.misses = 0  # chunks in a row that fec_fast left to the line parser
        self.layout: Layout | None = None  # for fec_fast, once the header is read
        self.days: dict[int, date] = {}  # YYYYMMDD from fec_fast -> date
        self.rejections = Rejections()
        self.line_no = 0  # last line seen (1-based, header = 1)
        self.count = 0  # non-blank data lines
        self.header_seen = False
        self.sep = "\t"
        self.ncols = 0
        self.trailing = 0
        self.last_read = 0  # the fields the fast path reads are before this one
        self.idx: dict[str, int] = {}
        self.amount_side = False  # Montant + Sens instead of Debit + Credit
        self.dates: dict[str, date] = {}  # raw EcritureDate / PieceDate -> valid date
        self.account_kinds: dict[str, str] = {}  # raw CompteNum (not blank) -> its kind
        self.revenue: set[str] = set()  # JournalCode + US + EcritureNum
        self.strings: dict[str, str] = {}  # one copy of each customer code and name
        # aggregate: [line_no, name, issued_on, cents, all_lettered, letter, label]
        self.debits: dict[tuple[str, str], list] = {}
        self.credits: dict[tuple[str, str, str, str, bool], list] = {}

    # -- header ---------------------------------------------------------------------

    def _header(self, line: str) -> None:
        found = fec_header(line)
        if found is None:
            missing = missing_fec_fields(line)
            detail = "champs absents : " + ", ".join(missing) if missing else line[:80]
            raise ReadProblem(self.line_no, ImportProblem.NOT_A_FEC_HEADER, detail)
        self.sep, names = found
        self.ncols = len(names)
        self.trailing = int(names[-1] == "")  # each line ends with a separator
        for name in reversed(names):  # the first occurrence wins
            self.idx[name] = names.index(name)
        self.amount_side = not ("debit" in self.idx and "credit" in self.idx)
        self.last_read = 1 + max(
            self.idx[name]
            for name in (
                "journalcode",
                "ecriturenum",
                "comptenum",
                "comptelib",
                "compauxnum",
                "compauxlib",
                "pieceref",
                "ecriturelib",
                "ecriturelet",
            )
        )
        self.header_seen = True

    # -- lines ----------------------------------------------------------------------

    def feed_text(self, text: str) -> None:
        """One chunk of whole lines, as TextReader yields them."""
        if not self.fast:
            self.feed(split_lines(text))
            return
        if not self.header_seen:
            before = self.line_no
            lines = self._skip_to_header(split_lines(text))
            if not lines:
                return
            # The lines after the header are the text after its line end: cut there.
            cut = 0
            for _ in range(self.line_no - before):
                cut = text.index("\n", cut) + 1
            text = text[cut:]
        if self._plain_chunk(text):
            self.misses = 0
            return
        # A file whose every chunk holds some unusual line would pay for both readings:
        # after a few such chunks in a row, the rest is read line by line only.
        self.misses += 1
        if self.misses >= _MAX_MISSES:
            self.fast = False
        self._lines(split_lines(text))

    def _plain_chunk(self, text: str) -> bool:
        """Reads a chunk whose lines fec_fast finds all plain, and says so; False (and
        nothing read) when a line needs the line-by-line checks."""
        layout = self.layout
        if layout is None:
            layout = self.layout = self._layout()
        scanned = scan_chunk(text, layout)
        if scanned is None:
            return False
        strip = str.strip
        if not all(map(strip, scanned.doubtful_pieces)):
            return False  # a 411 line without PieceRef: rejected by the line parser
        base = self.line_no + 1  # line number of the chunk's first line
        self._add_receivables(scanned.debits, base, credit=False)
        self._add_receivables(scanned.credits, base, credit=True)
        self.revenue.update(
            map(
                "\x1f".join,
                zip(map(strip, scanned.journals), map(strip, scanned.numbers), strict=True),
            )
        )
        self.line_no += scanned.lines
        self.count += scanned.count
        return True

    def _add_receivables(self, side: Receivables, base: int, *, credit: bool) -> None:
        """The 411 lines of one side of a plain chunk into their aggregates: the same
        steps as in _lines, in the same order."""
        sep = self.sep
        last = self.last_read
        idx = self.idx
        i_journal = idx["journalcode"]
        i_num = idx["ecriturenum"]
        i_aux = idx["compauxnum"]
        i_auxlib = idx["compauxlib"]
        i_account = idx["comptenum"]
        i_acclib = idx["comptelib"]
        i_letter = idx["ecriturelet"]
        i_label = idx["ecriturelib"]
        i_piece = idx["pieceref"]
        intern = self.strings.setdefault
        days = self.days
        day_of = self._day
        target = self.credits if credit else self.debits
        opening_journals = OPENING_JOURNALS
        is_opening_label = _is_opening_label
        for line, index, cents, yyyymmdd in zip(
            side.text, side.line_index, side.cents, side.issued, strict=True
        ):
            f = line.split(sep, last)
            piece = f[i_piece].strip()
            aux = f[i_aux].strip()
            if aux:
                code = aux
            else:
                code = f[i_account].strip()
            letter = f[i_letter].strip()
            if credit:
                journal = f[i_journal].strip()
                label = f[i_label]
                if journal.upper() in opening_journals or is_opening_label(label):
                    key: tuple = (code, piece, "", "", True)
                else:
                    key = (code, piece, journal, f[i_num].strip(), False)
            else:
                label = f[i_label]
                key = (code, piece)
            aggregate = target.get(key)
            if aggregate is None:
                name = (f[i_auxlib] if aux else f[i_acclib]).strip() or code
                code = intern(code, code)
                target[(code, *key[1:])] = [
                    base + index,
                    intern(name, name),
                    days.get(yyyymmdd) or day_of(yyyymmdd),
                    cents,
                    bool(letter),
                    letter,
                    label.strip(),
                ]
                continue
            aggregate[3] += cents
            if not letter:
                aggregate[4] = False

    def _day(self, yyyymmdd: int) -> date:
        """The date of a YYYYMMDD that fec_fast found valid (cached)."""
        day = self.days.get(yyyymmdd)
        if day is None:
            day = date(yyyymmdd // 10000, yyyymmdd // 100 % 100, yyyymmdd % 100)
            if len(self.days) < _MAX_CACHED_DATES:
                self.days[yyyymmdd] = day
        return day

    def _layout(self) -> Layout:
        idx = self.idx
        if self.amount_side:
            amount_a, amount_b = idx["montant"], idx["sens"]
        else:
            amount_a, amount_b = idx["debit"], idx["credit"]
        return Layout(
            separator=self.sep,
            ncols=self.ncols,
            trailing=bool(self.trailing),
            journal=idx["journalcode"],
            number=idx["ecriturenum"],
            date=idx["ecrituredate"],
            account=idx["comptenum"],
            piece_date=idx["piecedate"],
            amount_a=amount_a,
            amount_b=amount_b,
            amount_side=self.amount_side,
            piece=idx["pieceref"],
        )

    def feed(self, lines: list[str]) -> None:
        if not self.header_seen:
            lines = self._skip_to_header(lines)
            if lines is None:
                return
        self._lines(lines)

    def _skip_to_header(self, lines: list[str]) -> list[str] | None:
        for i, line in enumerate(lines):
            self.line_no += 1
            if not line or line.isspace():
                continue
            self._header(line)
            return lines[i + 1 :]
        return None

    def _lines(self, lines: list[str]) -> None:
        """Most of the parser's time goes here: the common case (a valid line, the
        account and both dates already seen, amounts in the plain '1437,12' form) takes
        the fewest Python steps; anything else goes through `_checked`, which reports
        every problem of the line."""
        rej = self.rejections.add
        sep = self.sep
        ncols = self.ncols
        trailing = self.trailing
        idx = self.idx
        i_journal = idx["journalcode"]
        i_num = idx["ecriturenum"]
        i_date = idx["ecrituredate"]
        i_account = idx["comptenum"]
        i_pdate = idx["piecedate"]
        amount_side = self.amount_side
        if amount_side:
            i_a, i_b = idx["montant"], idx["sens"]
        else:
            i_a, i_b = idx["debit"], idx["credit"]
        kinds = self.account_kinds
        dates = self.dates
        revenue_add = self.revenue.add
        i_piece = idx["pieceref"]
        i_aux = idx["compauxnum"]
        i_auxlib = idx["compauxlib"]
        i_acclib = idx["comptelib"]
        i_letter = idx["ecriturelet"]
        i_label = idx["ecriturelib"]
        intern = self.strings.setdefault
        debits = self.debits
        credits = self.credits
        opening_journals = OPENING_JOURNALS
        is_opening_label = _is_opening_label
        checked = self._checked
        max_cents = MAX_CENTS
        line_no = self.line_no
        count = self.count
        wrong_count = ImportProblem.WRONG_COLUMN_COUNT
        last_num = last_journal = None
        for line in lines:
            line_no += 1
            f = line.split(sep)
            if len(f) != ncols:
                if not line or line.isspace():
                    continue  # blank lines are skipped anywhere
                # Tolerate one trailing separator more or less than the header has.
                n = len(f)
                if n == ncols + 1 and not f[-1].strip():
                    pass
                elif n == ncols - 1 and trailing:
                    f.append("")
                else:
                    count += 1
                    shown = ncols - trailing
                    rej(line_no, wrong_count, f"{shown} attendues, {n} trouvées")
                    continue
            count += 1
            kind = kinds.get(f[i_account])  # None: a new (or blank) account
            day = dates.get(f[i_date])  # None: a new (or invalid) date
            issued = dates.get(f[i_pdate])  # only valid dates are cached: never a blank one
            text = f[i_a]
            if text == "0,00":  # half of all amounts: the other side of the line
                a = 0
            else:
                # fec_cents' common case, inlined: '1437,12', '000001437,12'.
                units, _, decimals = text.partition(",")
                if not (
                    len(decimals) == 2
                    and text.isascii()
                    and units.isdigit()
                    and decimals.isdigit()
                    and (a := int(units + decimals)) < max_cents
                ):
                    a = None
            text = f[i_b]
            if amount_side:
                if text == "D":
                    net = a
                elif text == "C" and a is not None:
                    net = -a
                else:
                    net = None
            elif text == "0,00":
                net = a
            else:
                units, _, decimals = text.partition(",")
                if (
                    a is not None
                    and len(decimals) == 2
                    and text.isascii()
                    and units.isdigit()
                    and decimals.isdigit()
                    and (b := int(units + decimals)) < max_cents
                ):
                    net = a - b
                else:
                    net = None
            if kind is None or day is None or issued is None or net is None:
                if line.isspace():
                    count -= 1  # a blank line with every separator
                    continue
                found = checked(line_no, f)
                if found is None:
                    continue  # rejected
                kind, issued, net = found
            if kind is _RECEIVABLE:
                piece = f[i_piece].strip()
                if not piece:
                    rej(line_no, ImportProblem.MISSING_VALUE, "PieceRef")
                    continue
                if net == 0:
                    continue
                aux = f[i_aux].strip()
                if aux:
                    code = aux
                else:
                    code = f[i_account].strip()
                letter = f[i_letter].strip()
                # A customer's code and name are kept once (a shared copy), when an
                # aggregate is created: most lines add to one that exists. Matching codes
                # are not: nearly each is another one, and the table would cost more.
                if net > 0:
                    key: tuple = (code, piece)
                    aggregate = debits.get(key)
                    if aggregate is None:
                        name = (f[i_auxlib] if aux else f[i_acclib]).strip() or code
                        code = intern(code, code)
                        debits[(code, piece)] = [
                            line_no,
                            intern(name, name),
                            issued,
                            net,
                            bool(letter),
                            letter,
                            f[i_label].strip(),
                        ]
                        continue
                    aggregate[3] += net
                else:
                    journal = f[i_journal].strip()
                    label = f[i_label]
                    if journal.upper() in opening_journals or is_opening_label(label):
                        key = (code, piece, "", "", True)
                    else:
                        key = (code, piece, journal, f[i_num].strip(), False)
                    aggregate = credits.get(key)
                    if aggregate is None:
                        name = (f[i_auxlib] if aux else f[i_acclib]).strip() or code
                        code = intern(code, code)
                        credits[(code, *key[1:])] = [
                            line_no,
                            intern(name, name),
                            issued,
                            -net,
                            bool(letter),
                            letter,
                            label.strip(),
                        ]
                        continue
                    aggregate[3] -= net
                if not letter:
                    aggregate[4] = False
            elif kind is _REVENUE:
                # An entry's revenue and VAT lines follow one another: one key per entry.
                num = f[i_num]
                journal = f[i_journal]
                if num != last_num or journal != last_journal:
                    last_num = num
                    last_journal = journal
                    revenue_add(f"{journal.strip()}\x1f{num.strip()}")
        self.line_no = line_no
        self.count = count

    def _checked(self, line_no: int, f: list[str]) -> tuple[object, date, int] | None:
        """Every check of one line, each problem reported: (account kind, issue date,
        debit − credit), or None when the line is rejected. Caches the line's account
        and valid dates for the lines after it."""
        rej = self.rejections.add
        idx = self.idx
        dates = self.dates
        ok = True
        net = 0
        raw = f[idx["comptenum"]]
        account = raw.strip()
        if not account:
            rej(line_no, ImportProblem.MISSING_VALUE, "CompteNum")
            ok = False
            kind = _OTHER
        else:
            kind = self.account_kinds.get(raw)
            if kind is None:
                kind = _account_kind(account)
                if len(self.account_kinds) < _MAX_CACHED_ACCOUNTS:
                    self.account_kinds[raw] = kind
        text = f[idx["ecrituredate"]]
        day = dates.get(text)
        if day is None:
            day = fec_date(text)
            if day is None:
                rej(line_no, ImportProblem.BAD_DATE, f"EcritureDate « {text.strip()} »")
                ok = False
            elif len(dates) < _MAX_CACHED_DATES:
                dates[text] = day
        text = f[idx["piecedate"]]
        issued = dates.get(text)
        if issued is None:
            if text and not text.isspace():
                issued = fec_date(text)
                if issued is None:
                    rej(line_no, ImportProblem.BAD_DATE, f"PieceDate « {text.strip()} »")
                    ok = False
                elif len(dates) < _MAX_CACHED_DATES:
                    dates[text] = issued
            else:
                issued = day
        if self.amount_side:
            text = f[idx["montant"]]
            a = fec_cents(text)
            if a is None:
                rej(line_no, ImportProblem.BAD_AMOUNT, f"Montant « {text.strip()} »")
                ok = False
            text = f[idx["sens"]]
            side = text.strip().upper()
            if side == "D" or side == "DEBIT" or side == "DÉBIT":
                net = a if a is not None else 0
            elif side == "C" or side == "CREDIT" or side == "CRÉDIT":
                net = -a if a is not None else 0
            else:
                rej(line_no, ImportProblem.BAD_SIDE, f"Sens « {text.strip()} »")
                ok = False
        else:
            text = f[idx["debit"]]
            a = fec_cents(text)
            if a is None:
                rej(line_no, ImportProblem.BAD_AMOUNT, f"Debit « {text.strip()} »")
                ok = False
            text = f[idx["credit"]]
            b = fec_cents(text)
            if b is None:
                rej(line_no, ImportProblem.BAD_AMOUNT, f"Credit « {text.strip()} »")
                ok = False
            elif ok:
                net = a - b  # type: ignore[operator]
        if not ok or day is None or issued is None:
            return None
        return kind, issued, net

    # -- result ---------------------------------------------------------------------

    def finish(self, encoding: str, *, stopped: bool = False) -> ParsedExport:
        rejections = self.rejections
        if not self.header_seen and not stopped and not rejections:
            rejections.add(0, ImportProblem.EMPTY_FILE)
        # Invoices are already one aggregate per (customer, piece); credit lines are
        # grouped per accounting entry until the entry says credit note or payment.
        invoices = self.debits
        credit_notes: dict[tuple[str, str], list] = {}
        payments: dict[tuple[str, str], list] = {}
        revenue = self.revenue
        for (code, piece, journal, num, opening), aggregate in self.credits.items():
            if not opening and f"{journal}\x1f{num}" in revenue:
                documents = credit_notes
            else:
                documents = payments
            key = (code, piece)
            current = documents.get(key)
            if current is None:
                documents[key] = aggregate
            else:
                # The line that comes first gives the line number, date, name and label.
                merged = current if current[0] <= aggregate[0] else aggregate
                merged[3] = current[3] + aggregate[3]
                merged[4] = current[4] and aggregate[4]
                documents[key] = merged
        self.debits = {}
        self.credits = {}
        self.revenue = set()

        # One invoice or credit note number, several customers: the document is
        # ambiguous. A payment's PieceRef (a remittance, a cheque deposit) may credit
        # several customers: one payment each.
        conflicting: dict[tuple[DocumentKind, str], list[tuple[int, str]]] = {}
        for kind, documents in ((_INVOICE, invoices), (_CREDIT_NOTE, credit_notes)):
            pieces = list(map(_PIECE_OF_KEY, documents))
            if len(set(pieces)) == len(pieces):
                continue  # the common case, checked in C
            owner: dict[str, str] = {}
            for code, piece in documents:
                if owner.setdefault(piece, code) != code:
                    conflicting[(kind, piece)] = []
        entries: list[LedgerEntry] = []
        append = entries.append
        new = object.__new__
        set_attribute = object.__setattr__
        for kind, documents in (
            (_INVOICE, invoices),
            (_CREDIT_NOTE, credit_notes),
            (_PAYMENT, payments),
        ):
            for (code, piece), aggregate in documents.items():
                line_no, name, issued, total, settled, letter, label = aggregate
                if conflicting:
                    found = conflicting.get((kind, piece))
                    if found is not None:
                        found.append((line_no, code))
                        continue
                if total >= MAX_CENTS:
                    rejections.add(line_no, ImportProblem.BAD_AMOUNT, f"{piece} : total trop élevé")
                    continue
                # LedgerEntry(...) without the frozen dataclass's one object.__setattr__
                # per field: the same instance (every field set, no __post_init__).
                entry = new(LedgerEntry)
                set_attribute(
                    entry,
                    "__dict__",
                    {
                        "line_no": line_no,
                        "customer_code": code,
                        "customer_name": name,
                        "kind": kind,
                        "number": piece,
                        "issued_on": issued,
                        "due_on": None,
                        "total_cents": total,
                        "open_cents": 0 if settled else total,
                        "matching_code": letter if settled else "",
                        "label": label,
                        "corrects_number": "",
                    },
                )
                append(entry)
        del invoices, credit_notes, payments
        for piece_key, found in conflicting.items():
            found.sort()
            first_code = found[0][1]
            for line_no, code in found[1:]:
                rejections.add(
                    line_no,
                    ImportProblem.CONFLICTING_CUSTOMERS,
                    f"{piece_key[1]} : {first_code} / {code}",
                )
        # Invoices, then credit notes and payments, each in the order of their lines.
        entries.sort(key=attrgetter("line_no"))
        return ParsedExport(
            source_format="fec",
            encoding=encoding,
            line_count=self.count,
            entries=tuple(entries),
            rejected=rejections.result(),
        )
