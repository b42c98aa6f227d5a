"""Customer list queries: search, filters and sort in SQL so any page is one query."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from desktop.domain.text import digits_only, fold
from desktop.persistence.models import Customer, Segment, User


class CustomerSort(StrEnum):
    NAME = "name"
    SIREN = "siren"
    CITY = "city"
    STATUS = "status"
    SEGMENT = "segment"
    SALESPERSON = "salesperson"
    PAYMENT_TERMS = "payment_terms"
    UPDATED = "updated"
    SCORE = "score"


@dataclass(frozen=True)
class CustomerFilter:
    text: str = ""
    statuses: tuple[str, ...] = ()
    segment_id: int | None = None
    salesperson_id: int | None = None


Salesperson = aliased(User)


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_tokens(text: str) -> list[str]:
    """The folded words typed; identifiers are matched as stored, without spaces or dots.

    "552 100 554", "552100554" and "0403.170.701" are each one token, so a SIREN typed as
    printed on a Kbis finds that company only, not every one holding the three groups.
    """
    tokens: list[str] = []
    joining = False
    for word in fold(text).split():
        digits = digits_only(word)
        if digits and len(digits) == len(word.replace(".", "")):
            if joining:
                tokens[-1] += digits
            else:
                tokens.append(digits)
            joining = True
        else:
            tokens.append(word)
            joining = False
    return tokens


def apply_filter(stmt: Select, flt: CustomerFilter) -> Select:  # type: ignore[type-arg]
    # Every word typed must appear somewhere in the folded key (name, identifiers, city).
    for token in _search_tokens(flt.text):
        stmt = stmt.where(Customer.search_text.like(f"%{_like_escape(token)}%", escape="\\"))
    if flt.statuses:
        stmt = stmt.where(Customer.status.in_(flt.statuses))
    if flt.segment_id is not None:
        stmt = stmt.where(Customer.segment_id == flt.segment_id)
    if flt.salesperson_id is not None:
        stmt = stmt.where(Customer.salesperson_id == flt.salesperson_id)
    return stmt


def _sort_columns(sort: CustomerSort):  # type: ignore[no-untyped-def]
    return {
        CustomerSort.NAME: (Customer.sort_name,),
        CustomerSort.SIREN: (Customer.siren, Customer.enterprise_number),
        CustomerSort.CITY: (Customer.sort_city,),
        CustomerSort.STATUS: (Customer.status,),
        CustomerSort.SEGMENT: (Segment.sort_name,),
        CustomerSort.SALESPERSON: (Salesperson.sort_name,),
        CustomerSort.PAYMENT_TERMS: (Customer.payment_terms_days,),
        CustomerSort.UPDATED: (Customer.updated_at,),
        CustomerSort.SCORE: (Customer.score,),
    }[sort]


def list_page(
    session: Session,
    flt: CustomerFilter,
    sort: CustomerSort,
    descending: bool,
    offset: int,
    limit: int,
) -> list:  # type: ignore[type-arg]
    stmt = (
        select(
            Customer.id,
            Customer.legal_name,
            Customer.trade_name,
            Customer.siren,
            Customer.enterprise_number,
            Customer.billing_postal_code,
            Customer.billing_city,
            Customer.status,
            Segment.name.label("segment_name"),
            Salesperson.name.label("salesperson_name"),
            Customer.payment_terms_days,
            Customer.payment_terms_basis,
            Customer.credit_limit_cents,
            Customer.score,
            Customer.score_rules_version,
            Customer.score_on,
        )
        .outerjoin(Segment, Segment.id == Customer.segment_id)
        .outerjoin(Salesperson, Salesperson.id == Customer.salesperson_id)
    )
    stmt = apply_filter(stmt, flt)
    columns = _sort_columns(sort)
    if _search_tokens(flt.text) and sort in (CustomerSort.NAME, CustomerSort.STATUS):
        # Same values through an expression no index covers: with a search, reading the
        # table once and sorting the matches is several times quicker than walking the
        # name index row by row (80 ms against 15 ms on 50,000 customers).
        columns = tuple(c.concat("") for c in columns)
    if _search_tokens(flt.text) and sort is CustomerSort.SCORE:
        columns = (Customer.score + 0,)  # the same reason; a number stays a number
    order = [c.desc() if descending else c.asc() for c in columns]
    if sort is CustomerSort.SCORE:
        # Customers not scored yet come last, whichever way the scores run.
        order = [o.nulls_last() for o in order]
    # Name then id break ties, so paging never shows a row twice or skips one.
    order += [Customer.sort_name.asc(), Customer.id.asc()]
    return list(session.execute(stmt.order_by(*order).offset(offset).limit(limit)))


def count(session: Session, flt: CustomerFilter) -> int:
    stmt = apply_filter(select(func.count(Customer.id)), flt)
    return int(session.execute(stmt).scalar_one())


def count_by_status(session: Session, flt: CustomerFilter) -> dict[str, int]:
    # Grouping on an expression keeps SQLite from walking the status index and fetching
    # each row from it (twice as slow as one table scan when a search word is typed).
    status = (Customer.status + "").label("status")
    stmt = apply_filter(select(status, func.count(Customer.id)), flt)
    return {s: n for s, n in session.execute(stmt.group_by(status))}
