"""The template sandbox: what a template may read, errors with their line, paragraphs."""

from __future__ import annotations

import pytest

from desktop.documents.templating import (
    TemplateProblemError,
    check_template,
    paragraphs,
    render_template,
)
from desktop.services.letters import TEMPLATE_KEYS, sample_values, templates_dir

VALUES = {"contact_name": "Claire Dubois", "total": "1 234,56 €", "invoice_count": 2}


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ contact_name.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% set l = [] %}{{ l.append(1) }}",
        "{{ range(10**9) | list }}",
        "{{ 'x' * 100000000 }}",
        "{{ 9 ** 999999 }}",
    ],
)
def test_the_sandbox_refuses_what_reaches_outside(source: str) -> None:
    problem = check_template("Bonjour,\n\n" + source, VALUES)
    assert problem is not None
    assert problem.line == 3
    assert str(problem).startswith("Ligne 3 : ")


def test_an_escape_attempt_is_called_forbidden_access() -> None:
    problem = check_template("{{ ''.__class__ }}", VALUES)
    assert problem is not None and "accès interdit" in problem.message


def test_syntax_error_and_unknown_variable_give_their_line() -> None:
    syntax = check_template("Bonjour,\n\n{% if total %}\nRéglez {{ total }}")
    assert syntax is not None and syntax.line == 4 and "syntaxe" in syntax.message
    unknown = check_template("Bonjour {{ contact_name }},\n{{ montant }}", VALUES)
    assert unknown is not None and unknown.line == 2 and "variable inconnue" in unknown.message
    assert check_template("Bonjour {{ montant }}") is None  # without values: syntax only


def test_rendering_is_plain_text_never_escaped() -> None:
    text = render_template(
        "{{ name }} : {{ total }}", {"name": "Dupont & Fils <SARL>", "total": "5 €"}
    )
    assert text == "Dupont & Fils <SARL> : 5 €"
    with pytest.raises(TemplateProblemError) as error:
        render_template("x\n{{ nope }}", {}, "subject")
    assert error.value.field == "subject" and error.value.problem.line == 2


def test_paragraphs_split_at_blank_lines_and_keep_single_breaks() -> None:
    text = "Bonjour,\r\n\r\n\r\nLigne un\nligne deux  \n\n  \nCordialement,\n"
    assert paragraphs(text) == ["Bonjour,", "Ligne un\nligne deux", "Cordialement,"]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("key", TEMPLATE_KEYS)
def test_every_shipped_template_renders(key: str, language: str) -> None:
    text = (templates_dir() / f"{key}.{language}.txt").read_text(encoding="utf-8")
    subject, separator, body = text.partition("\n---\n")
    assert separator, "a template file is the subject, a line '---', then the body"
    values = sample_values(language)
    assert check_template(subject, values) is None
    assert check_template(body, values) is None
    rendered = render_template(body, values)
    assert values["invoice_table"] in rendered
    greeting = "Bonjour" if language == "fr" else "Hello"
    assert rendered.startswith(greeting)
