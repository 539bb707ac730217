<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="550"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="551"/>
        <source>more than %n hits</source>
        <translation>
            <numerusform>more than %n hits</numerusform>
            <numerusform>more than %n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="803"/>
        <source>Delete these %n persons?</source>
        <translation>
            <numerusform>Delete this person?</numerusform>
            <numerusform>Delete these %n persons?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="973"/>
        <source>%n address(es) copied</source>
        <translation>
            <numerusform>%n address copied</numerusform>
            <numerusform>%n addresses copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="990"/>
        <source>%n card(s) copied</source>
        <translation>
            <numerusform>%n card copied</numerusform>
            <numerusform>%n cards copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="1011"/>
        <source>Selected persons (%n)</source>
        <translation>
            <numerusform>Selected person (%n)</numerusform>
            <numerusform>Selected persons (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/overview_page.py" line="146"/>
        <source>%Ln person(s) in the directory</source>
        <translation>
            <numerusform>%Ln person in the directory</numerusform>
            <numerusform>%Ln persons in the directory</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/overview_page.py" line="164"/>
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
        <location filename="../../defence_dir/ui/privacy_actions.py" line="191"/>
        <source>Person erased (%n record(s)).</source>
        <translation>
            <numerusform>Person erased (%n record).</numerusform>
            <numerusform>Person erased (%n records).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/privacy_actions.py" line="196"/>
        <source>The person is erased from the directory, but %n older backup copy(ies) of the database still contain their data:</source>
        <translation>
            <numerusform>The person is erased from the directory, but %n older backup copy of the database still contains their data:</numerusform>
            <numerusform>The person is erased from the directory, but %n older backup copies of the database still contain their data:</numerusform>
        </translation>
    </message>
</context>
</TS>
