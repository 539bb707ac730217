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
        <location filename="../../defence_dir/ui/main_window.py" line="494"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="495"/>
        <source>more than %n hits</source>
        <translation>
            <numerusform>more than %n hits</numerusform>
            <numerusform>more than %n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="736"/>
        <source>Delete these %n persons?</source>
        <translation>
            <numerusform>Delete this person?</numerusform>
            <numerusform>Delete these %n persons?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="890"/>
        <source>%n address(es) copied</source>
        <translation>
            <numerusform>%n address copied</numerusform>
            <numerusform>%n addresses copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="907"/>
        <source>%n card(s) copied</source>
        <translation>
            <numerusform>%n card copied</numerusform>
            <numerusform>%n cards copied</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="928"/>
        <source>Selected persons (%n)</source>
        <translation>
            <numerusform>Selected person (%n)</numerusform>
            <numerusform>Selected persons (%n)</numerusform>
        </translation>
    </message>
</context>
</TS>
