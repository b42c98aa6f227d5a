"""Text as users type it, made fit for where it goes: folded for search (what the user
types matches what is stored), safe as a file name (`safe_file_stem`, `safe_file_name`:
the one sanitiser for export names, attachments and e-mail files), and recognised when a
spreadsheet would run it as a formula (`looks_like_formula`)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Word processors and web pages turn "L'Épi" into "L’Épi": both must match either.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def fold(text: str | None) -> str:
    """Lower-case, strip accents and collapse spaces: 'Élodie  Dupré' -> 'elodie dupre'.

    Used both on stored search keys and on what is typed, so the comparison in SQL is a
    plain LIKE that any database runs identically.
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Ligatures that NFKD keeps as one letter in French names.
    stripped = stripped.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    return _SPACES.sub(" ", stripped.casefold().translate(_APOSTROPHES)).strip()


def search_key(*parts: str | None) -> str:
    """One folded string holding every searchable part, separated so words never merge."""
    return " | ".join(fold(p) for p in parts if p)


def digits_only(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


# --- file names ---------------------------------------------------------------------------

# What no file name may hold on Windows, macOS or Linux: path separators, the characters
# Windows refuses, and control characters (a NUL cuts the name in C, a line break breaks
# listings and scripts).
_UNSAFE_IN_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
# Windows opens a device instead of a file for these names, whatever the extension.
_WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"0123456789", "¹", "²", "³")}
)
MAX_NAME_BYTES = 255  # ext4, APFS, NTFS (in UTF-16 units, more generous) all hold this
DEFAULT_FILE_STEM = "document"


def _visible(text: str) -> str:
    """`text` in NFC with every invisible or control character made a "_": C0/C1 controls,
    format characters (a right-to-left override shows "facture\u202efdp.exe" as
    "factureexe.pdf"),
    line and paragraph separators and unpaired surrogates (not encodable in UTF-8)."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if category in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append("_")
        else:
            out.append(char)
    return _UNSAFE_IN_NAME.sub("_", "".join(out))


def _cut(text: str, max_len: int, max_bytes: int) -> str:
    """The longest prefix of `text` of at most `max_len` characters and `max_bytes` bytes
    in UTF-8 (never a character cut in half)."""
    text = text[:max_len]
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


def safe_file_stem(
    text: str,
    max_len: int = 80,
    *,
    max_bytes: int = MAX_NAME_BYTES,
    fallback: str = DEFAULT_FILE_STEM,
) -> str:
    """`text` (a customer name, a document number…) made fit for a file name on any
    system, with accents, spaces, "&" and apostrophes kept: no path separator or character
    Windows refuses ("_" instead), no control or invisible character, no leading dot
    (hidden file, "..") nor trailing dot or space, not a Windows device name ("_CON"),
    at most `max_len` characters and `max_bytes` bytes in UTF-8, never empty (`fallback`).
    The result is always one single path component inside its folder."""
    stem = _SPACES.sub(" ", _visible(text))
    stem = _cut(stem.strip(" ."), max_len, max_bytes).rstrip(" .")
    if not stem.strip("_ "):
        stem = fallback
    if stem.split(".", 1)[0].rstrip(" ").upper() in _WINDOWS_DEVICES:
        stem = _cut("_" + stem, max_len, max_bytes)
    return stem


def safe_file_name(
    name: str,
    max_len: int = 120,
    *,
    max_bytes: int = MAX_NAME_BYTES,
    fallback: str = DEFAULT_FILE_STEM,
) -> str:
    """A file name someone chose (an attachment's, possibly a whole path from another
    system) made safe like `safe_file_stem`: only its last component is kept
    ("../../etc/passwd" -> "passwd", "C:\\x\\y.pdf" -> "y.pdf") and its extension survives
    the cut to `max_len` characters and `max_bytes` bytes."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    stem, dot, extension = base.rpartition(".")
    extension = re.sub(r"[^\w]", "", _visible(extension)) if dot else ""
    if not stem.strip(" .") or not extension or len(extension) > 10:
        # No extension to keep: ".bashrc", "archive.", or a dot in the middle of words.
        return safe_file_stem(base, max_len, max_bytes=max_bytes, fallback=fallback)
    tail = "." + extension
    return (
        safe_file_stem(
            stem,
            max_len - len(tail),
            max_bytes=max_bytes - len(tail.encode("utf-8")),
            fallback=fallback,
        )
        + tail
    )


# --- spreadsheet cells ------------------------------------------------------------------------

# A spreadsheet reads a cell starting with one of these as a formula ("CSV injection"):
# "=1+1", "+33…", "-2+3", "@SUM(…)", and a tab or a carriage return in front of them.
# The one rule for every Excel and CSV export (documents.excel, the CLI's --format csv).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would evaluate `text` typed in a cell."""
    return text.startswith(FORMULA_TRIGGERS)
