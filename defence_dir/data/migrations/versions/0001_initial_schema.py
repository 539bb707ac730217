"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('action', sa.String(length=50), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)

    op.create_table('import_mapping',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('header_signature', sa.String(length=64), nullable=False),
    sa.Column('mapping_json', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_mapping')),
    sa.UniqueConstraint('header_signature', name=op.f('uq_import_mapping_header_signature'))
    )
    op.create_table('network',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('website', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_network_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network')),
    sa.UniqueConstraint('name', name=op.f('uq_network_name'))
    )
    op.create_table('topic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_topic_name_not_blank')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_topic')),
    sa.UniqueConstraint('name', name=op.f('uq_topic_name'))
    )
    op.create_table('distribution_list',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('owner_network_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_distribution_list_name_not_blank')),
    sa.ForeignKeyConstraint(['owner_network_id'], ['network.id'], name=op.f('fk_distribution_list_owner_network_id_network'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_distribution_list')),
    sa.UniqueConstraint('name', name=op.f('uq_distribution_list_name'))
    )
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('venue', sa.String(length=300), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('organiser_network_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_event_name_not_blank')),
    sa.CheckConstraint('ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on', name=op.f('ck_event_ends_after_start')),
    sa.ForeignKeyConstraint(['organiser_network_id'], ['network.id'], name=op.f('fk_event_organiser_network_id_network'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event')),
    sa.UniqueConstraint('name', name=op.f('uq_event_name'))
    )
    op.create_table('network_topic',
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name=op.f('fk_network_topic_network_id_network'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_network_topic_topic_id_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('network_id', 'topic_id', name=op.f('pk_network_topic'))
    )
    with op.batch_alter_table('network_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_topic_topic_id'), ['topic_id'], unique=False)

    op.create_table('import_batch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=1000), nullable=False),
    sa.Column('sheet', sa.String(length=255), nullable=True),
    sa.Column('source_kind', sa.String(length=20), nullable=False),
    sa.Column('imported_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('created_count', sa.Integer(), nullable=False),
    sa.Column('updated_count', sa.Integer(), nullable=False),
    sa.Column('unchanged_count', sa.Integer(), nullable=False),
    sa.Column('duplicate_count', sa.Integer(), nullable=False),
    sa.Column('invalid_count', sa.Integer(), nullable=False),
    sa.Column('skipped_count', sa.Integer(), nullable=False),
    sa.Column('target_list_id', sa.Integer(), nullable=True),
    sa.Column('target_event_id', sa.Integer(), nullable=True),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("file_name <> ''", name=op.f('ck_import_batch_file_name_not_empty')),
    sa.CheckConstraint('row_count >= 0', name=op.f('ck_import_batch_row_count_not_negative')),
    sa.ForeignKeyConstraint(['target_event_id'], ['event.id'], name=op.f('fk_import_batch_target_event_id_event'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['target_list_id'], ['distribution_list.id'], name=op.f('fk_import_batch_target_list_id_distribution_list'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_batch'))
    )
    op.create_table('import_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('before_json', sa.Text(), nullable=True),
    sa.CheckConstraint("action IN ('created', 'updated')", name=op.f('ck_import_change_action_valid')),
    sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'], name=op.f('fk_import_change_batch_id_import_batch'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_change')),
    sa.UniqueConstraint('batch_id', 'table_name', 'row_id', name='uq_import_change_row')
    )
    with op.batch_alter_table('import_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_change_batch_id'), ['batch_id'], unique=False)

    op.create_table('organisation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('street', sa.String(length=300), nullable=True),
    sa.Column('postal_code', sa.String(length=20), nullable=True),
    sa.Column('city', sa.String(length=200), nullable=True),
    sa.Column('country', sa.String(length=100), nullable=True),
    sa.Column('website', sa.String(length=500), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('large_industry', 'sme', 'research', 'public_body', 'association', 'other')", name=op.f('ck_organisation_kind_valid')),
    sa.CheckConstraint("trim(name) <> ''", name=op.f('ck_organisation_name_not_blank')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_organisation_import_batch_id_import_batch'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organisation'))
    )
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organisation_name'), ['name'], unique=False)

    op.create_table('organisation_topic',
    sa.Column('organisation_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_organisation_topic_organisation_id_organisation'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_organisation_topic_topic_id_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('organisation_id', 'topic_id', name=op.f('pk_organisation_topic'))
    )
    with op.batch_alter_table('organisation_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organisation_topic_topic_id'), ['topic_id'], unique=False)

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=100), nullable=False),
    sa.Column('salutation', sa.String(length=50), nullable=True),
    sa.Column('title', sa.String(length=100), nullable=True),
    sa.Column('given_name', sa.String(length=200), nullable=True),
    sa.Column('middle_name', sa.String(length=200), nullable=True),
    sa.Column('family_name', sa.String(length=200), nullable=True),
    sa.Column('name_suffix', sa.String(length=100), nullable=True),
    sa.Column('function', sa.String(length=300), nullable=True),
    sa.Column('department', sa.String(length=300), nullable=True),
    sa.Column('organisation_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("trim(coalesce(given_name, '')) <> '' OR trim(coalesce(family_name, '')) <> ''", name=op.f('ck_person_has_name')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_person_version_positive')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_person_import_batch_id_import_batch'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_person_organisation_id_organisation'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person')),
    sa.UniqueConstraint('uid', name=op.f('uq_person_uid'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_family_name'), ['family_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('attendance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("status IN ('registered', 'attended', 'cancelled', 'no_show')", name=op.f('ck_attendance_status_valid')),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], name=op.f('fk_attendance_event_id_event'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_attendance_import_batch_id_import_batch'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_attendance_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('event_id', 'person_id', name='uq_attendance_event_person')
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attendance_person_id'), ['person_id'], unique=False)

    op.create_table('email_address',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('address', sa.String(length=320), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("address LIKE '%_@_%'", name=op.f('ck_email_address_address_has_at')),
    sa.CheckConstraint("kind IN ('work', 'home', 'other')", name=op.f('ck_email_address_kind_valid')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_email_address_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_email_address')),
    sa.UniqueConstraint('person_id', 'address', name='uq_email_address_person_address')
    )
    with op.batch_alter_table('email_address', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_email_address_address'), ['address'], unique=False)
        batch_op.create_index(batch_op.f('ix_email_address_person_id'), ['person_id'], unique=False)

    op.create_table('list_membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('consent_at', sa.DateTime(), nullable=True),
    sa.Column('consent_source', sa.String(length=1000), nullable=True),
    sa.Column('consent_note', sa.Text(), nullable=True),
    sa.Column('unsubscribed_at', sa.DateTime(), nullable=True),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("status <> 'unsubscribed' OR unsubscribed_at IS NOT NULL", name=op.f('ck_list_membership_unsubscribe_dated')),
    sa.CheckConstraint("status IN ('subscribed', 'unsubscribed')", name=op.f('ck_list_membership_status_valid')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_list_membership_import_batch_id_import_batch'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['list_id'], ['distribution_list.id'], name=op.f('fk_list_membership_list_id_distribution_list'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_list_membership_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_list_membership')),
    sa.UniqueConstraint('list_id', 'person_id', name='uq_list_membership_list_person')
    )
    with op.batch_alter_table('list_membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_list_membership_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_list_membership_person_id'), ['person_id'], unique=False)

    op.create_table('network_role',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('network_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('focus', sa.String(length=200), nullable=True),
    sa.CheckConstraint("trim(role) <> ''", name=op.f('ck_network_role_role_not_blank')),
    sa.ForeignKeyConstraint(['network_id'], ['network.id'], name=op.f('fk_network_role_network_id_network'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_network_role_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_role')),
    sa.UniqueConstraint('person_id', 'network_id', 'role', name='uq_network_role_person_role')
    )
    with op.batch_alter_table('network_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_role_network_id'), ['network_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_network_role_person_id'), ['person_id'], unique=False)

    op.create_table('person_topic',
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('topic_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_person_topic_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['topic_id'], ['topic.id'], name=op.f('fk_person_topic_topic_id_topic'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('person_id', 'topic_id', name=op.f('pk_person_topic'))
    )
    with op.batch_alter_table('person_topic', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_topic_topic_id'), ['topic_id'], unique=False)

    op.create_table('phone_number',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('raw', sa.String(length=100), nullable=False),
    sa.Column('e164', sa.String(length=20), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("e164 IS NULL OR e164 LIKE '+%'", name=op.f('ck_phone_number_e164_form')),
    sa.CheckConstraint("kind IN ('work', 'cell', 'fax', 'home', 'other')", name=op.f('ck_phone_number_kind_valid')),
    sa.CheckConstraint("trim(raw) <> ''", name=op.f('ck_phone_number_raw_not_blank')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_phone_number_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_phone_number'))
    )
    with op.batch_alter_table('phone_number', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phone_number_e164'), ['e164'], unique=False)
        batch_op.create_index(batch_op.f('ix_phone_number_person_id'), ['person_id'], unique=False)

    op.create_table('consent_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('source_kind', sa.String(length=20), nullable=True),
    sa.Column('source', sa.String(length=1000), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('import_batch_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("action IN ('given', 'withdrawn')", name=op.f('ck_consent_record_action_valid')),
    sa.ForeignKeyConstraint(['import_batch_id'], ['import_batch.id'], name=op.f('fk_consent_record_import_batch_id_import_batch'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['membership_id'], ['list_membership.id'], name=op.f('fk_consent_record_membership_id_list_membership'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consent_record'))
    )
    with op.batch_alter_table('consent_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consent_record_import_batch_id'), ['import_batch_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consent_record_membership_id'), ['membership_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('consent_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consent_record_membership_id'))
        batch_op.drop_index(batch_op.f('ix_consent_record_import_batch_id'))

    op.drop_table('consent_record')
    with op.batch_alter_table('phone_number', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phone_number_person_id'))
        batch_op.drop_index(batch_op.f('ix_phone_number_e164'))

    op.drop_table('phone_number')
    with op.batch_alter_table('person_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_topic_topic_id'))

    op.drop_table('person_topic')
    with op.batch_alter_table('network_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_role_person_id'))
        batch_op.drop_index(batch_op.f('ix_network_role_network_id'))

    op.drop_table('network_role')
    with op.batch_alter_table('list_membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_membership_person_id'))
        batch_op.drop_index(batch_op.f('ix_list_membership_import_batch_id'))

    op.drop_table('list_membership')
    with op.batch_alter_table('email_address', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_email_address_person_id'))
        batch_op.drop_index(batch_op.f('ix_email_address_address'))

    op.drop_table('email_address')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_person_id'))
        batch_op.drop_index(batch_op.f('ix_attendance_import_batch_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_organisation_id'))
        batch_op.drop_index(batch_op.f('ix_person_import_batch_id'))
        batch_op.drop_index(batch_op.f('ix_person_family_name'))

    op.drop_table('person')
    with op.batch_alter_table('organisation_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_topic_topic_id'))

    op.drop_table('organisation_topic')
    with op.batch_alter_table('organisation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organisation_name'))
        batch_op.drop_index(batch_op.f('ix_organisation_import_batch_id'))

    op.drop_table('organisation')
    with op.batch_alter_table('import_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_change_batch_id'))

    op.drop_table('import_change')
    op.drop_table('import_batch')
    with op.batch_alter_table('network_topic', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_topic_topic_id'))

    op.drop_table('network_topic')
    op.drop_table('event')
    op.drop_table('distribution_list')
    op.drop_table('topic')
    op.drop_table('network')
    op.drop_table('import_mapping')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))

    op.drop_table('audit_entry')

