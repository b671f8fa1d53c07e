"""Minutes approval (date, by whom), the fixed date of printed outputs, and the distribution log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 02:16:32.993161
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('distribution_record',
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('version_id', sa.Integer(), nullable=True),
    sa.Column('output', sa.String(length=32), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('copy_number', sa.Integer(), nullable=True),
    sa.Column('copies_total', sa.Integer(), nullable=True),
    sa.Column('recipient', sa.String(length=200), nullable=False),
    sa.Column('recipient_person_id', sa.Integer(), nullable=True),
    sa.Column('recipient_organisation_id', sa.Integer(), nullable=True),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.Column('distributed_at', sa.DateTime(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_distribution_record_meeting_id_meeting'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['recipient_organisation_id'], ['organisation.id'], name=op.f('fk_distribution_record_recipient_organisation_id_organisation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['recipient_person_id'], ['person.id'], name=op.f('fk_distribution_record_recipient_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['version_id'], ['document_version.id'], name=op.f('fk_distribution_record_version_id_document_version'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_distribution_record')),
    sa.UniqueConstraint('uuid', name=op.f('uq_distribution_record_uuid'))
    )
    with op.batch_alter_table('distribution_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_distribution_record_meeting_id'), ['meeting_id'], unique=False)

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('minutes_approved_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('minutes_approved_by', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('documents_dated', sa.DateTime(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('documents_dated')
        batch_op.drop_column('minutes_approved_by')
        batch_op.drop_column('minutes_approved_on')

    with op.batch_alter_table('distribution_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_distribution_record_meeting_id'))

    op.drop_table('distribution_record')
