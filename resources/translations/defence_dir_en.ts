<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AttendeeListDialog</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="306" />
            <source>%n person(s), sorted by family name.</source>
            <translation>
                <numerusform>%n person, sorted by family name.</numerusform>
                <numerusform>%n persons, sorted by family name.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="317" />
            <source>%n person(s) listed in {path}.</source>
            <translation>
                <numerusform>%n person listed in {path}.</numerusform>
                <numerusform>%n persons listed in {path}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BadgesDialog</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="263" />
            <source>%n badge(s): one for everyone registered or checked in, sorted by family name. The QR code holds the person's contact card.</source>
            <translation>
                <numerusform>%n badge: one for everyone registered or checked in, sorted by family name. The QR code holds the person's contact card.</numerusform>
                <numerusform>%n badges: one for everyone registered or checked in, sorted by family name. The QR code holds the person's contact card.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="278" />
            <source>%n badge(s) written to {path}.</source>
            <translation>
                <numerusform>%n badge written to {path}.</numerusform>
                <numerusform>%n badges written to {path}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CollectionsController</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="256" />
            <source>%n person(s) registered for “{name}”.</source>
            <translation>
                <numerusform>%n person registered for “{name}”.</numerusform>
                <numerusform>%n persons registered for “{name}”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="271" />
            <source>%n person(s) added to “{name}”.</source>
            <translation>
                <numerusform>%n person added to “{name}”.</numerusform>
                <numerusform>%n persons added to “{name}”.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="276" />
            <source>%n skipped: they unsubscribed earlier and need a new consent.</source>
            <translation>
                <numerusform>%n skipped: they unsubscribed earlier and need a new consent.</numerusform>
                <numerusform>%n skipped: they unsubscribed earlier and need a new consent.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="322" />
            <source>%n already on the list.</source>
            <translation>
                <numerusform>%n already on the list.</numerusform>
                <numerusform>%n already on the list.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="324" />
            <source>%n already registered.</source>
            <translation>
                <numerusform>%n already registered.</numerusform>
                <numerusform>%n already registered.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="330" />
            <source>Remove %n person(s) from this list? Persons who unsubscribed stay recorded, so that they are not added again. You can undo this.</source>
            <translation>
                <numerusform>Remove %n person from this list? Persons who unsubscribed stay recorded, so that they are not added again. You can undo this.</numerusform>
                <numerusform>Remove %n persons from this list? Persons who unsubscribed stay recorded, so that they are not added again. You can undo this.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="333" />
            <source>Remove %n person(s) from this event? You can undo this.</source>
            <translation>
                <numerusform>Remove %n person from this event? You can undo this.</numerusform>
                <numerusform>Remove %n persons from this event? You can undo this.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="340" />
            <source>%n person(s) removed.</source>
            <translation>
                <numerusform>%n person removed.</numerusform>
                <numerusform>%n persons removed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="341" />
            <source>%n unsubscribed person(s) kept as a suppression.</source>
            <translation>
                <numerusform>%n unsubscribed person kept as a suppression.</numerusform>
                <numerusform>%n unsubscribed persons kept as a suppression.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="354" />
            <source>Unsubscribe %n person(s)? They stay on the list as unsubscribed and are not added again without a new consent. You can undo this.</source>
            <translation>
                <numerusform>Unsubscribe %n person? They stay on the list as unsubscribed and are not added again without a new consent. You can undo this.</numerusform>
                <numerusform>Unsubscribe %n persons? They stay on the list as unsubscribed and are not added again without a new consent. You can undo this.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="364" />
            <source>%n person(s) unsubscribed.</source>
            <translation>
                <numerusform>%n person unsubscribed.</numerusform>
                <numerusform>%n persons unsubscribed.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="377" />
            <source>“{status}” set for %n person(s).</source>
            <translation>
                <numerusform>“{status}” set for %n person.</numerusform>
                <numerusform>“{status}” set for %n persons.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="419" />
            <source>%n of these persons unsubscribed from this list earlier and were not added.

Have they explicitly given a new consent? Only then record it.</source>
            <translation>
                <numerusform>%n of these persons unsubscribed from this list earlier and were not added.

Have they explicitly given a new consent? Only then record it.</numerusform>
                <numerusform>%n of these persons unsubscribed from this list earlier and were not added.

Have they explicitly given a new consent? Only then record it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CopyBanner</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="158" />
            <source>Up to date (%n change(s)).</source>
            <translation>
                <numerusform>Up to date (%n change).</numerusform>
                <numerusform>Up to date (%n changes).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="120" />
            <source>Exporting %n person(s) …</source>
            <translation>
                <numerusform>Exporting %n person …</numerusform>
                <numerusform>Exporting %n persons …</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="133" />
            <source>%n person(s) exported to {path}.</source>
            <translation>
                <numerusform>%n person exported to {path}.</numerusform>
                <numerusform>%n persons exported to {path}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FinderWindow</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="241" />
            <source>%n group(s) found.</source>
            <translation>
                <numerusform>%n group found.</numerusform>
                <numerusform>%n groups found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FinderWrites</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="150" />
            <source>Merge all %n group(s) of the certain lane? Each group is merged into its first person; empty fields are filled from the others. Undo takes it back.</source>
            <translation>
                <numerusform>Merge the %n group of the certain lane? It is merged into its first person; empty fields are filled from the others. Undo takes it back.</numerusform>
                <numerusform>Merge all %n groups of the certain lane? Each group is merged into its first person; empty fields are filled from the others. Undo takes it back.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="164" />
            <source>%n group(s) merged.</source>
            <translation>
                <numerusform>%n group merged.</numerusform>
                <numerusform>%n groups merged.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="175" />
            <source>Merging %n group(s) …</source>
            <translation>
                <numerusform>Merging %n group …</numerusform>
                <numerusform>Merging %n groups …</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="193" />
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="283" />
            <source>%n card(s) with a warning (see Warnings).</source>
            <translation>
                <numerusform>%n card with a warning (see Warnings).</numerusform>
                <numerusform>%n cards with a warning (see Warnings).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="209" />
            <source>Importing %n card(s) …</source>
            <translation>
                <numerusform>Importing %n card …</numerusform>
                <numerusform>Importing %n cards …</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MailingActions</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="66" />
            <source>%n recipient(s) written to {file}.</source>
            <translation>
                <numerusform>%n recipient written to {file}.</numerusform>
                <numerusform>%n recipients written to {file}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="80" />
            <source>%n address(es) copied for BCC.</source>
            <translation>
                <numerusform>%n address copied for BCC.</numerusform>
                <numerusform>%n addresses copied for BCC.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MembersPanel</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/members_view.py" line="340" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%n person</numerusform>
                <numerusform>%n persons</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="125" />
            <source>%Ln person(s) in the directory</source>
            <translation>
                <numerusform>%Ln person in the directory</numerusform>
                <numerusform>%Ln persons in the directory</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="143" />
            <source>%Ln of {total} shown</source>
            <translation>
                <numerusform>%Ln of {total} shown</numerusform>
                <numerusform>%Ln of {total} shown</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PrivacyActions</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="192" />
            <source>Person erased completely (%n record(s)); nothing of them is left in the database file.</source>
            <translation>
                <numerusform>Person erased completely (%n record); nothing of them is left in the database file.</numerusform>
                <numerusform>Person erased completely (%n records); nothing of them is left in the database file.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="196" />
            <source>Person erased from the directory (%n record(s)).</source>
            <translation>
                <numerusform>Person erased from the directory (%n record).</numerusform>
                <numerusform>Person erased from the directory (%n records).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="216" />
            <source>%n older backup(s) of the database, made before updates of defence-dir, still contain the person's data:</source>
            <translation>
                <numerusform>%n older backup of the database, made before an update of defence-dir, still contains the person's data:</numerusform>
                <numerusform>%n older backups of the database, made before updates of defence-dir, still contain the person's data:</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="223" />
            <source>Delete %n backup(s)…</source>
            <translation>
                <numerusform>Delete this backup…</numerusform>
                <numerusform>Delete these %n backups…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="233" />
            <source>Delete %n backup(s) of the database for good? They also hold the other records as they were before the update.</source>
            <translation>
                <numerusform>Delete %n backup of the database for good? It also holds the other records as they were before the update.</numerusform>
                <numerusform>Delete %n backups of the database for good? They also hold the other records as they were before the update.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="251" />
            <source>%n backup(s) deleted.</source>
            <translation>
                <numerusform>%n backup deleted.</numerusform>
                <numerusform>%n backups deleted.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecordEditor</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/records/record_editing.py" line="103" />
            <source>Delete these %n persons?</source>
            <translation>
                <numerusform>Delete this person?</numerusform>
                <numerusform>Delete these %n persons?</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/search_bar.py" line="145" />
            <source>%n hit(s)</source>
            <translation>
                <numerusform>%n hit</numerusform>
                <numerusform>%n hits</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/search_bar.py" line="146" />
            <source>more than %n hits</source>
            <translation>
                <numerusform>more than %n hits</numerusform>
                <numerusform>more than %n hits</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>StepNames</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="48" />
            <source>Merge %n person(s)</source>
            <translation>
                <numerusform>Merge %n person</numerusform>
                <numerusform>Merge %n persons</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="51" />
            <source>Merge %n group(s)</source>
            <translation>
                <numerusform>Merge %n group</numerusform>
                <numerusform>Merge %n groups</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VcardActions</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="32" />
            <source>%n address(es) copied</source>
            <translation>
                <numerusform>%n address copied</numerusform>
                <numerusform>%n addresses copied</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="39" />
            <source>%n card(s) copied</source>
            <translation>
                <numerusform>%n card copied</numerusform>
                <numerusform>%n cards copied</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="55" />
            <source>Selected persons (%n)</source>
            <translation>
                <numerusform>Selected person (%n)</numerusform>
                <numerusform>Selected persons (%n)</numerusform>
            </translation>
        </message>
    </context>
</TS>
