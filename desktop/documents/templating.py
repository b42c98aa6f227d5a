"""User-editable letter and e-mail templates: Jinja2 text in a sandbox.

A template is plain text (no HTML, no markup): what it renders is printed literally by
the letter drawer, which cuts it into paragraphs at blank lines. The sandbox
(`ImmutableSandboxedEnvironment`) refuses any attribute starting with an underscore,
any method that changes a value, and very large ranges; on top of it, `*` and `**`
that would build huge strings or numbers are refused, so a template cannot reach
outside the values it is given nor hang the application. Unknown variables are errors
(`StrictUndefined`), never silently empty: a typo is caught when the template is saved.

`check_template` compiles a template and renders it on sample values; a problem comes
back as `TemplateProblem(line, message)` with a French message.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import TracebackType
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

__all__ = [
    "INVOICE_TABLE",
    "TemplateProblem",
    "TemplateProblemError",
    "check_template",
    "paragraphs",
    "render_template",
]

# What `{{ invoice_table }}` renders to: the drawer puts the table of invoices where this
# stands (alone in its paragraph), the e-mail writer a plain-text list. Private-use
# characters: no typed text contains them.
INVOICE_TABLE = "\ue000invoices\ue000"

MAX_TEMPLATE_CHARS = 20_000
_MAX_PRODUCT = 100_000  # the longest string or list `*` may build; the largest power


@dataclass(frozen=True)
class TemplateProblem:
    """Why a template is refused: its line (1-based; 0 when unknown) and a French message."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"Ligne {self.line} : {self.message}" if self.line else self.message


class TemplateProblemError(Exception):
    """A template that cannot be used; `field` is "subject" or "body"."""

    def __init__(self, problem: TemplateProblem, field: str = "body") -> None:
        super().__init__(str(problem))
        self.problem = problem
        self.field = field


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            if isinstance(right, int | float) and abs(right) > 64:
                raise OverflowError("exponent too large")
            return operator.pow(left, right)
        result_size = 0
        for a, b in ((left, right), (right, left)):
            if isinstance(a, str | list | tuple) and isinstance(b, int):
                result_size = len(a) * b
        if result_size > _MAX_PRODUCT:
            raise OverflowError("result too large")
        return operator.mul(left, right)


@lru_cache(maxsize=1)
def _environment() -> _Sandbox:
    return _Sandbox(
        undefined=StrictUndefined,
        autoescape=False,  # plain text: the drawer and the e-mail writer escape
        keep_trailing_newline=False,  # blank lines separate paragraphs: kept as typed
    )


@lru_cache(maxsize=64)
def _compiled(source: str) -> Any:
    return _environment().from_string(source)


def _template_line(tb: TracebackType | None) -> int:
    """The template line where a rendering error happened (Jinja rewrites its traceback
    so that template frames carry the template's line numbers)."""
    line = 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _problem(exc: BaseException) -> TemplateProblem:
    if isinstance(exc, TemplateSyntaxError):
        return TemplateProblem(exc.lineno or 0, f"syntaxe incorrecte ({exc.message})")
    line = _template_line(exc.__traceback__)
    if isinstance(exc, SecurityError):
        return TemplateProblem(line, "accès interdit : un modèle ne peut lire que ses variables")
    if isinstance(exc, UndefinedError):
        return TemplateProblem(line, f"variable inconnue ({exc.message})")
    if isinstance(exc, OverflowError):
        return TemplateProblem(line, "boucle ou valeur trop grande")
    return TemplateProblem(line, f"erreur dans le modèle ({exc})")


def render_template(source: str, values: Mapping[str, Any], field: str = "body") -> str:
    """`source` rendered with `values`. Raises TemplateProblemError (with the line and a
    French message) for a syntax error, an unknown variable, or a reach outside the
    sandbox."""
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateProblemError(
            TemplateProblem(0, f"modèle trop long (au plus {MAX_TEMPLATE_CHARS} caractères)"),
            field,
        )
    try:
        return str(_compiled(source).render(**values))
    except (TemplateError, SecurityError, TypeError, ValueError, OverflowError) as exc:
        raise TemplateProblemError(_problem(exc), field) from exc
    except (AttributeError, KeyError, IndexError, ZeroDivisionError) as exc:
        raise TemplateProblemError(_problem(exc), field) from exc


def check_template(source: str, sample: Mapping[str, Any] | None = None) -> TemplateProblem | None:
    """None when `source` compiles (and, given `sample` values, renders on them: this
    catches unknown variables and reaches outside the sandbox), else the first problem."""
    try:
        if sample is None:
            _compiled(source)
        else:
            render_template(source, sample)
    except TemplateProblemError as exc:
        return exc.problem
    except TemplateSyntaxError as exc:
        return _problem(exc)
    return None


def paragraphs(text: str) -> list[str]:
    """Rendered text cut at blank lines; single line breaks stay inside a paragraph."""
    out: list[str] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        if line.strip():
            current.append(line)
        elif current:
            out.append("\n".join(current))
            current = []
    if current:
        out.append("\n".join(current))
    return out
