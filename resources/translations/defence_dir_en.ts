<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CollectionsController</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="216"/>
        <source>%n person(s) registered for “{name}”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="228"/>
        <source>%n person(s) added to “{name}”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="232"/>
        <source>%n skipped: they unsubscribed earlier and need a new consent.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="268"/>
        <source>%n already on the list.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="269"/>
        <source>%n already registered.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="275"/>
        <source>Remove %n person(s) from this list? Persons who unsubscribed stay recorded, so that they are not added again. You can undo this.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="278"/>
        <source>Remove %n person(s) from this event? You can undo this.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="287"/>
        <source>%n person(s) removed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="288"/>
        <source>%n unsubscribed person(s) kept as a suppression.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="297"/>
        <source>Unsubscribe %n person(s)? They stay on the list as unsubscribed and are not added again without a new consent. You can undo this.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/collections_controller.py" line="357"/>
        <source>%n of these persons unsubscribed from this list earlier and were not added.

Have they explicitly given a new consent? Only then record it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/vcard_dialogs.py" line="168"/>
        <source>Exporting %n person(s) …</source>
        <translation>
            <numerusform>Exporting %n person …</numerusform>
            <numerusform>Exporting %n persons …</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/vcard_dialogs.py" line="178"/>
        <source>%n person(s) exported to {path}.</source>
        <translation>
            <numerusform>%n person exported to {path}.</numerusform>
            <numerusform>%n persons exported to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailingActions</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/mailing_actions.py" line="105"/>
        <source>%n recipient(s) written to {file}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/mailing_actions.py" line="118"/>
        <source>%n address(es) copied for BCC.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="524"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="525"/>
        <source>more than %n hits</source>
        <translation>
            <numerusform>more than %n hits</numerusform>
            <numerusform>more than %n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="788"/>
        <source>Delete these %n persons?</source>
        <translation>
            <numerusform>Delete this person?</numerusform>
            <numerusform>Delete these %n persons?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="943"/>
        <source>%n address(es) copied</source>
        <translation>
            <numerusform>%n address copied</numerusform>
            <numerusform>%n addresses copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="960"/>
        <source>%n card(s) copied</source>
        <translation>
            <numerusform>%n card copied</numerusform>
            <numerusform>%n cards copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="981"/>
        <source>Selected persons (%n)</source>
        <translation>
            <numerusform>Selected person (%n)</numerusform>
            <numerusform>Selected persons (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/members_view.py" line="297"/>
        <source>%n person(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
