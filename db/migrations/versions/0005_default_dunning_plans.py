"""The four shipped dunning plans and their levels (data only, no schema change)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23

Standard (the default: the brief's usual sequence), Clients privilégiés, Mauvais payeurs
and Particuliers. The rows are written out literally, as the code shipped them on this
date (`desktop.domain.dunning.DEFAULT_PLANS`): a migration never changes afterwards, even
when the code's defaults do. Users edit copies of these rows in the app.

Downgrade deletes these four plans by name, with their levels; the segments and the
reminder actions that pointed at them lose the link (foreign keys are off during a
migration, so the SET NULL is done by hand).
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

STAMP = datetime(2026, 11, 23, 0, 0, 0)

PLANS = [
    # name, description, min_gap_days, for_consumers, is_default
    (
        "Standard",
        "Séquence habituelle : courtoisie, relances, commercial, mise en demeure.",
        7,
        False,
        True,
    ),
    ("Clients privilégiés", "Plan doux pour les bons clients.", 10, False, False),
    ("Mauvais payeurs", "Plan serré pour les retardataires chroniques.", 5, False, False),
    ("Particuliers", "Consommateurs : jamais l'indemnité forfaitaire de 40 €.", 14, True, False),
]

LEVELS = {
    # rank, name, offset_days, channel, tone, claims_penalties, claims_indemnity, deadline_days
    "Standard": [
        (0, "Rappel de courtoisie", -7, "email", "courteous", False, False, None),
        (1, "Relance amiable", 7, "letter", "friendly", False, False, None),
        (2, "Deuxième relance", 15, "letter", "firm", True, True, None),
        (3, "Dernière relance", 30, "salesperson", "firm", True, True, 8),
        (4, "Mise en demeure", 45, "formal_notice", "formal", True, True, 8),
    ],
    "Clients privilégiés": [
        (0, "Rappel de courtoisie", -7, "email", "courteous", False, False, None),
        (1, "Relance amiable", 15, "email", "courteous", False, False, None),
        (2, "Appel", 30, "phone", "friendly", False, False, None),
        (3, "Dernière relance", 45, "salesperson", "friendly", True, False, 15),
        (4, "Mise en demeure", 60, "formal_notice", "formal", True, True, 15),
    ],
    "Mauvais payeurs": [
        (0, "Rappel avant échéance", -10, "email", "friendly", False, False, None),
        (1, "Relance", 3, "letter", "firm", True, True, None),
        (2, "Appel", 10, "phone", "firm", True, True, None),
        (3, "Dernière relance", 20, "salesperson", "firm", True, True, 8),
        (4, "Mise en demeure", 30, "formal_notice", "formal", True, True, 8),
    ],
    "Particuliers": [
        (0, "Rappel de courtoisie", -7, "email", "courteous", False, False, None),
        (1, "Relance amiable", 10, "letter", "friendly", False, False, None),
        (2, "Deuxième relance", 30, "letter", "firm", False, False, None),
        (3, "Mise en demeure", 60, "formal_notice", "formal", True, False, 15),
    ],
}

plans_table = sa.table(
    "dunning_plans",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("description", sa.Text),
    sa.column("min_gap_days", sa.Integer),
    sa.column("for_consumers", sa.Boolean),
    sa.column("is_default", sa.Boolean),
    sa.column("created_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)

levels_table = sa.table(
    "dunning_levels",
    sa.column("plan_id", sa.Integer),
    sa.column("rank", sa.Integer),
    sa.column("name", sa.String),
    sa.column("offset_days", sa.Integer),
    sa.column("channel", sa.String),
    sa.column("tone", sa.String),
    sa.column("template_key", sa.String),
    sa.column("claims_penalties", sa.Boolean),
    sa.column("claims_indemnity", sa.Boolean),
    sa.column("deadline_days", sa.Integer),
)


def upgrade() -> None:
    connection = op.get_bind()
    for name, description, gap, consumers, default in PLANS:
        connection.execute(
            plans_table.insert().values(
                name=name,
                description=description,
                min_gap_days=gap,
                for_consumers=consumers,
                is_default=default,
                created_at=STAMP,
                updated_at=STAMP,
            )
        )
        plan_id = connection.execute(
            sa.select(plans_table.c.id).where(plans_table.c.name == name)
        ).scalar_one()
        op.bulk_insert(
            levels_table,
            [
                {
                    "plan_id": plan_id,
                    "rank": rank,
                    "name": level_name,
                    "offset_days": offset,
                    "channel": channel,
                    "tone": tone,
                    "template_key": "",
                    "claims_penalties": penalties,
                    "claims_indemnity": indemnity,
                    "deadline_days": deadline,
                }
                for rank, level_name, offset, channel, tone, penalties, indemnity, deadline in LEVELS[
                    name
                ]
            ],
        )


def downgrade() -> None:
    names = [name for name, *_ in PLANS]
    plan_ids = sa.select(plans_table.c.id).where(plans_table.c.name.in_(names))
    op.execute(
        sa.text(
            "UPDATE reminder_actions SET level_id = NULL WHERE level_id IN "
            "(SELECT id FROM dunning_levels WHERE plan_id IN "
            "(SELECT id FROM dunning_plans WHERE name IN :names))"
        ).bindparams(sa.bindparam("names", names, expanding=True))
    )
    op.execute(
        sa.text(
            "UPDATE segments SET dunning_plan_id = NULL WHERE dunning_plan_id IN "
            "(SELECT id FROM dunning_plans WHERE name IN :names)"
        ).bindparams(sa.bindparam("names", names, expanding=True))
    )
    op.execute(levels_table.delete().where(levels_table.c.plan_id.in_(plan_ids)))
    op.execute(plans_table.delete().where(plans_table.c.name.in_(names)))
