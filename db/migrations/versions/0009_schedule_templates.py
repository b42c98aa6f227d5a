"""Payment-schedule templates for proposals, and the payment term of each schedule line

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-25

`schedule_templates` holds the named ways to build a proposal's payment schedule
(Paramètres › Modèles d'échéancier): `kind` is milestones / monthly / term and
`milestones_json` its parameters (see `desktop.domain.schedule.ScheduleTemplate`). The
shipped templates are written out literally, as the code shipped them on this date: a
migration never changes afterwards, even when the code's defaults do.

`schedule_lines.due_days` / `due_basis` are the payment term of an instalment, counted
from its event (0 days: payable at the event; 30 days end of month…): marking the
milestone reached turns the instalment into an expected receivable due on that date.
Existing lines (none were written before this version) are payable at their event.
"""

import json
from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STAMP = datetime(2026, 11, 25, 0, 0, 0)


def _line(event, percent_bp, offset_days=0, is_deposit=False, due_days=0, due_basis="invoice_date"):  # type: ignore[no-untyped-def]
    return {
        "event": event,
        "percent_bp": percent_bp,
        "offset_days": offset_days,
        "is_deposit": is_deposit,
        "due_days": due_days,
        "due_basis": due_basis,
    }


TEMPLATES = [
    # name, kind, parameters, is_default
    (
        "30 jours fin de mois",
        "term",
        {"milestones": [_line("À la livraison (facture)", 10000, 0, False, 30, "eom_after")]},
        True,
    ),
    (
        "45 jours fin de mois",
        "term",
        {"milestones": [_line("À la livraison (facture)", 10000, 0, False, 45, "eom_after")]},
        False,
    ),
    (
        "60 jours date de facture",
        "term",
        {"milestones": [_line("À la livraison (facture)", 10000, 0, False, 60, "invoice_date")]},
        False,
    ),
    (
        "Jalons 30 / 40 / 30",
        "milestones",
        {
            "milestones": [
                _line("Acompte à la commande", 3000, 0, True),
                _line("Livraison intermédiaire", 4000, 30),
                _line("Livraison finale (solde)", 3000, 60),
            ]
        },
        False,
    ),
    (
        "Acompte 30 % et solde à la livraison",
        "milestones",
        {
            "milestones": [
                _line("Acompte à la commande", 3000, 0, True),
                _line("Solde à la livraison", 7000, 30),
            ]
        },
        False,
    ),
    (
        "Paiement intégral à la commande",
        "term",
        {"milestones": [_line("Paiement à la commande", 10000, 0, True)]},
        False,
    ),
    (
        "3 mensualités",
        "monthly",
        {"instalments": 3, "first_offset_days": 30, "deposit_bp": 0},
        False,
    ),
]

templates_table = sa.table(
    "schedule_templates",
    sa.column("name", sa.String),
    sa.column("kind", sa.String),
    sa.column("milestones_json", sa.Text),
    sa.column("is_default", sa.Boolean),
    sa.column("position", sa.Integer),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)


def upgrade() -> None:
    op.create_table(
        "schedule_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("milestones_json", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_schedule_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_schedule_templates_name")),
    )
    with op.batch_alter_table("schedule_lines") as batch:
        batch.add_column(sa.Column("due_days", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(
            sa.Column(
                "due_basis", sa.String(length=32), nullable=False, server_default="invoice_date"
            )
        )
    op.bulk_insert(
        templates_table,
        [
            {
                "name": name,
                "kind": kind,
                "milestones_json": json.dumps(parameters, ensure_ascii=False),
                "is_default": default,
                "position": position,
                "created_at": STAMP,
                "updated_at": STAMP,
            }
            for position, (name, kind, parameters, default) in enumerate(TEMPLATES)
        ],
    )


def downgrade() -> None:
    # Downgrades are for development files only.
    with op.batch_alter_table("schedule_lines") as batch:
        batch.drop_column("due_basis")
        batch.drop_column("due_days")
    op.drop_table("schedule_templates")
