<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="460"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n hit</numerusform>
            <numerusform>%n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="461"/>
        <source>more than %n hits</source>
        <translation>
            <numerusform>more than %n hits</numerusform>
            <numerusform>more than %n hits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="697"/>
        <source>Delete these %n persons?</source>
        <translation>
            <numerusform>Delete this person?</numerusform>
            <numerusform>Delete these %n persons?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../defence_dir/ui/main_window.py" line="850"/>
        <source>%n address(es) copied</source>
        <translation>
            <numerusform>%n address copied</numerusform>
            <numerusform>%n addresses copied</numerusform>
        </translation>
    </message>
</context>
</TS>
