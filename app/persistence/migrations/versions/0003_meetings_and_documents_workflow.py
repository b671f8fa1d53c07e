"""Running meetings and approving documents: item outcomes, quorum and votes, minutes versions and circulation, review requests, document workflow steps, language versions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:19:37.088640
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('review_request',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('sent_on', sa.Date(), nullable=True),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('no_comments', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_review_request_organisation_id_organisation'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_review_request_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['version_id'], ['document_version.id'], name=op.f('fk_review_request_version_id_document_version'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_request')),
    sa.UniqueConstraint('uuid', name=op.f('uq_review_request_uuid')),
    sa.UniqueConstraint('version_id', 'organisation_id', name='uq_review_request_org')
    )
    with op.batch_alter_table('review_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_request_version_id'), ['version_id'], unique=False)

    op.create_table('document_status_change',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=True),
    sa.Column('from_status', sa.String(length=32), nullable=False),
    sa.Column('to_status', sa.String(length=32), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.Column('os_user', sa.String(length=120), nullable=False),
    sa.Column('reason', sa.Text(), server_default='', nullable=False),
    sa.Column('meeting_id', sa.Integer(), nullable=True),
    sa.Column('agenda_item_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['agenda_item_id'], ['agenda_item.id'], name=op.f('fk_document_status_change_agenda_item_id_agenda_item'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['document_id'], ['document.id'], name=op.f('fk_document_status_change_document_id_document'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_document_status_change_meeting_id_meeting'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['version_id'], ['document_version.id'], name=op.f('fk_document_status_change_version_id_document_version'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_status_change')),
    sa.UniqueConstraint('uuid', name=op.f('uq_document_status_change_uuid'))
    )
    with op.batch_alter_table('document_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_status_change_document_id'), ['document_id'], unique=False)

    op.create_table('decision_vote',
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('vote', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['decision.id'], name=op.f('fk_decision_vote_decision_id_decision'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_decision_vote_organisation_id_organisation'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_decision_vote')),
    sa.UniqueConstraint('decision_id', 'organisation_id', name='uq_decision_vote_org'),
    sa.UniqueConstraint('uuid', name=op.f('uq_decision_vote_uuid'))
    )
    with op.batch_alter_table('decision_vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_decision_vote_decision_id'), ['decision_id'], unique=False)

    op.create_table('minutes_version',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('content', sa.Text(), server_default='', nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), server_default='', nullable=False),
    sa.Column('os_user', sa.String(length=120), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('approved_by_decision_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['approved_by_decision_id'], ['decision.id'], name=op.f('fk_minutes_version_approved_by_decision_id_decision'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_minutes_version_meeting_id_meeting'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_minutes_version')),
    sa.UniqueConstraint('meeting_id', 'number', name='uq_minutes_version_number'),
    sa.UniqueConstraint('uuid', name=op.f('uq_minutes_version_uuid'))
    )
    with op.batch_alter_table('minutes_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_minutes_version_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('circulation',
    sa.Column('meeting_id', sa.Integer(), nullable=False),
    sa.Column('minutes_version_id', sa.Integer(), nullable=False),
    sa.Column('sent_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_circulation_meeting_id_meeting'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['minutes_version_id'], ['minutes_version.id'], name=op.f('fk_circulation_minutes_version_id_minutes_version'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_circulation')),
    sa.UniqueConstraint('uuid', name=op.f('uq_circulation_uuid'))
    )
    with op.batch_alter_table('circulation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_circulation_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('circulation_recipient',
    sa.Column('circulation_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('replied_on', sa.Date(), nullable=True),
    sa.Column('reply', sa.String(length=32), nullable=True),
    sa.Column('comments', sa.Text(), server_default='', nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['circulation_id'], ['circulation.id'], name=op.f('fk_circulation_recipient_circulation_id_circulation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_circulation_recipient_person_id_person'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_circulation_recipient')),
    sa.UniqueConstraint('circulation_id', 'person_id', name='uq_circulation_recipient_person'),
    sa.UniqueConstraint('uuid', name=op.f('uq_circulation_recipient_uuid'))
    )
    with op.batch_alter_table('circulation_recipient', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_circulation_recipient_circulation_id'), ['circulation_id'], unique=False)

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fixed_start', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('outcome', sa.String(length=32), server_default='pending', nullable=False))
        batch_op.add_column(sa.Column('carried_from_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('refers_to_meeting_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_agenda_item_carried_from_id_agenda_item'), 'agenda_item', ['carried_from_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_agenda_item_refers_to_meeting_id_meeting'), 'meeting', ['refers_to_meeting_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('threshold', sa.String(length=32), server_default='consensus', nullable=False))
        batch_op.add_column(sa.Column('quorum_present', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('quorum_required', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('approves_minutes_of_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_decision_approves_minutes_of_id_meeting'), 'meeting', ['approves_minutes_of_id'], ['id'], ondelete='RESTRICT')

    with op.batch_alter_table('document_version', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parallel_of_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('review_deadline', sa.Date(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_document_version_parallel_of_id_document_version'), 'document_version', ['parallel_of_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quorum_rule', sa.String(length=32), server_default='majority_of_members', nullable=False))
        batch_op.add_column(sa.Column('minutes_locked', sa.Boolean(), server_default='0', nullable=False))



def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_column('minutes_locked')
        batch_op.drop_column('quorum_rule')

    with op.batch_alter_table('document_version', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_document_version_parallel_of_id_document_version'), type_='foreignkey')
        batch_op.drop_column('review_deadline')
        batch_op.drop_column('parallel_of_id')

    with op.batch_alter_table('decision', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_decision_approves_minutes_of_id_meeting'), type_='foreignkey')
        batch_op.drop_column('approves_minutes_of_id')
        batch_op.drop_column('quorum_required')
        batch_op.drop_column('quorum_present')
        batch_op.drop_column('threshold')

    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_agenda_item_refers_to_meeting_id_meeting'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_agenda_item_carried_from_id_agenda_item'), type_='foreignkey')
        batch_op.drop_column('refers_to_meeting_id')
        batch_op.drop_column('carried_from_id')
        batch_op.drop_column('outcome')
        batch_op.drop_column('fixed_start')

    with op.batch_alter_table('circulation_recipient', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_circulation_recipient_circulation_id'))

    op.drop_table('circulation_recipient')
    with op.batch_alter_table('circulation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_circulation_meeting_id'))

    op.drop_table('circulation')
    with op.batch_alter_table('minutes_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_minutes_version_meeting_id'))

    op.drop_table('minutes_version')
    with op.batch_alter_table('decision_vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decision_vote_decision_id'))

    op.drop_table('decision_vote')
    with op.batch_alter_table('document_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_status_change_document_id'))

    op.drop_table('document_status_change')
    with op.batch_alter_table('review_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_request_version_id'))

    op.drop_table('review_request')
