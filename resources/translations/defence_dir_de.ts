<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>App</name>
        <message>
            <location filename="../../defence_dir/ui/window/app.py" line="62" />
            <source>Cannot open the directory</source>
            <translation>Das Verzeichnis kann nicht geöffnet werden</translation>
        </message>
    </context>
    <context>
        <name>AttendeeListDialog</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="287" />
            <source>Attendee list</source>
            <translation>Teilnehmerliste</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="288" />
            <source>{event} – attendees</source>
            <translation>{event} – Teilnehmerliste</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="290" />
            <source>Print</source>
            <translation>Drucken</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="292" />
            <source>Attendee list with each person's status</source>
            <translation>Teilnehmerliste mit dem Status jeder Person</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="294" />
            <source>Sign-in sheet: a signature column and empty lines for walk-ins</source>
            <translation>Unterschriftenliste: Spalte für die Unterschrift und leere Zeilen für Gäste ohne Anmeldung</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="306" />
            <source>%n person(s), sorted by family name.</source>
            <translation>
                <numerusform>%n Person, nach Nachnamen sortiert.</numerusform>
                <numerusform>%n Personen, nach Nachnamen sortiert.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="307" />
            <source>Nobody is registered for this event yet: there is nothing to list.</source>
            <translation>Für diese Veranstaltung ist noch niemand angemeldet: Es gibt nichts aufzulisten.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="317" />
            <source>%n person(s) listed in {path}.</source>
            <translation>
                <numerusform>%n Person in {path} aufgeführt.</numerusform>
                <numerusform>%n Personen in {path} aufgeführt.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>BadgesDialog</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="237" />
            <source>Name badges</source>
            <translation>Namensschilder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="238" />
            <source>{event} – badges</source>
            <translation>{event} – Namensschilder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="240" />
            <source>Layout</source>
            <translation>Format</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="244" />
            <source>A4, 8 badges of 90 × 55 mm (badge inserts)</source>
            <translation>A4, 8 Schilder zu 90 × 55 mm (Einsteckschilder)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="245" />
            <source>A4 label sheet, 2 × 4 labels</source>
            <translation>A4-Etikettenbogen, 2 × 4 Etiketten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="246" />
            <source>A6, one badge per page</source>
            <translation>A6, ein Schild pro Seite</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="254" />
            <source>Crop marks (for cutting badges from the sheet)</source>
            <translation>Schnittmarken (zum Ausschneiden der Schilder)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="263" />
            <source>%n badge(s): one for everyone registered or checked in, sorted by family name. The QR code holds the person's contact card.</source>
            <translation>
                <numerusform>%n Namensschild: eines für alle Angemeldeten und Eingelassenen, nach Nachnamen sortiert. Der QR-Code enthält die Visitenkarte der Person.</numerusform>
                <numerusform>%n Namensschilder: eines für alle Angemeldeten und Eingelassenen, nach Nachnamen sortiert. Der QR-Code enthält die Visitenkarte der Person.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="265" />
            <source>Nobody is registered for this event: there are no badges to print.</source>
            <translation>Niemand ist für diese Veranstaltung angemeldet: Es gibt keine Namensschilder zu drucken.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="278" />
            <source>%n badge(s) written to {path}.</source>
            <translation>
                <numerusform>%n Namensschild in {path} gespeichert.</numerusform>
                <numerusform>%n Namensschilder in {path} gespeichert.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CandidateList</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/candidate_list.py" line="19" />
            <source>not registered</source>
            <translation>nicht angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/candidate_list.py" line="35" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/candidate_list.py" line="35" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/candidate_list.py" line="35" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/candidate_list.py" line="43" />
            <source>Type a name: the matching attendees appear here.
Arrow down chooses one, Enter checks them in.</source>
            <translation>Namen eingeben: Passende Teilnehmende erscheinen hier.
Pfeil nach unten wählt aus, Enter lässt ein.</translation>
        </message>
    </context>
    <context>
        <name>Chart</name>
        <message>
            <location filename="../../defence_dir/ui/overview/charts.py" line="94" />
            <source>Loading …</source>
            <translation>Wird geladen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/charts.py" line="95" />
            <source>No data yet</source>
            <translation>Noch keine Daten</translation>
        </message>
    </context>
    <context>
        <name>CheckinWindow</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="46" />
            <source>Check-in – {event}</source>
            <translation>Einlass – {event}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="64" />
            <source>Scan the badge or type a name, then Enter</source>
            <translation>Namensschild scannen oder Namen eingeben, dann Enter</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="74" />
            <source>Walk-in…</source>
            <translation>Gast ohne Anmeldung…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="95" />
            <source>Ready for the first guest.</source>
            <translation>Bereit für den ersten Gast.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="185" />
            <source>Reading the code …</source>
            <translation>Code wird gelesen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="197" />
            <source>Incomplete code</source>
            <translation>Code unvollständig</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="198" />
            <source>The scan broke off. Please scan the badge again.</source>
            <translation>Der Scan brach ab. Bitte das Namensschild noch einmal scannen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="224" />
            <source>Check-in of {name}</source>
            <translation>Einlass von {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="227" />
            <source>Checked in</source>
            <translation>Eingelassen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="232" />
            <source>Already here</source>
            <translation>Schon da</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="233" />
            <source>Checked in earlier; nothing was changed.</source>
            <translation>Schon früher eingelassen; nichts geändert.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="237" />
            <source>Several attendees match</source>
            <translation>Mehrere Teilnehmende passen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="238" />
            <source>Choose the person in the list: arrow down, then Enter.</source>
            <translation>Person in der Liste wählen: Pfeil nach unten, dann Enter.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="247" />
            <source>Not found</source>
            <translation>Nicht gefunden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="248" />
            <source>Nobody in the directory has this code or name. Check the spelling, or add a walk-in.</source>
            <translation>Niemand im Verzeichnis hat diesen Code oder Namen. Schreibweise prüfen oder als Gast ohne Anmeldung aufnehmen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="265" />
            <source>Not registered for this event</source>
            <translation>Nicht für diese Veranstaltung angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="267" />
            <source>Marked as no-show</source>
            <translation>Als nicht erschienen vermerkt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="269" />
            <source>Registration cancelled</source>
            <translation>Anmeldung abgesagt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="272" />
            <source>Not checked in. If the person may come in, click “Check in anyway”.</source>
            <translation>Nicht eingelassen. Darf die Person herein, auf „Trotzdem einlassen“ klicken.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="276" />
            <source>Check-in failed</source>
            <translation>Einlass fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="296" />
            <source>Walk-in {name}</source>
            <translation>Gast ohne Anmeldung {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="300" />
            <source>Walk-in checked in</source>
            <translation>Gast ohne Anmeldung eingelassen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="301" />
            <source>Subscribed to the list with consent recorded.</source>
            <translation>Mit festgehaltener Einwilligung in den Verteiler aufgenommen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="311" />
            <source>{present} of {expected} here</source>
            <translation>{present} von {expected} da</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="339" />
            <source>Undone: {action}</source>
            <translation>Rückgängig gemacht: {action}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="348" />
            <source>Redone: {action}</source>
            <translation>Wiederhergestellt: {action}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="356" />
            <source>Undo: {action}</source>
            <translation>Rückgängig: {action}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/checkin_window.py" line="357" />
            <source>Undo</source>
            <translation>Rückgängig</translation>
        </message>
    </context>
    <context>
        <name>CollectionDialog</name>
        <message>
            <location filename="../../defence_dir/ui/lists/collection_dialog.py" line="50" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collection_dialog.py" line="53" />
            <source>City</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collection_dialog.py" line="54" />
            <source>A distribution list needs a name.</source>
            <translation>Ein Verteiler braucht einen Namen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collection_dialog.py" line="55" />
            <source>An event needs a name.</source>
            <translation>Eine Veranstaltung braucht einen Namen.</translation>
        </message>
    </context>
    <context>
        <name>CollectionsController</name>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="119" />
            <source>New distribution list</source>
            <translation>Neuer Verteiler</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="120" />
            <source>New event</source>
            <translation>Neue Veranstaltung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="141" />
            <source>Edit distribution list</source>
            <translation>Verteiler bearbeiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="142" />
            <source>Edit event</source>
            <translation>Veranstaltung bearbeiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="159" />
            <source>Delete this distribution list? Its members and their consent history go with it. You can undo this.</source>
            <translation>Diesen Verteiler löschen? Seine Mitglieder und deren Einwilligungsverlauf werden mitgelöscht. Sie können das rückgängig machen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="161" />
            <source>Delete this event? Its attendance records go with it. You can undo this.</source>
            <translation>Diese Veranstaltung löschen? Ihre Teilnahmen werden mitgelöscht. Sie können das rückgängig machen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="163" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="171" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="181" />
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="259" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="384" />
            <source>Register for event</source>
            <translation>Für Veranstaltung anmelden</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="256" />
            <source>%n person(s) registered for “{name}”.</source>
            <translation>
                <numerusform>%n Person für „{name}“ angemeldet.</numerusform>
                <numerusform>%n Personen für „{name}“ angemeldet.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="224" />
            <source>Cancelled: nothing was changed.</source>
            <translation>Abgebrochen: Es wurde nichts geändert.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="264" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="286" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="383" />
            <source>Add to distribution list</source>
            <translation>Zum Verteiler hinzufügen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="265" />
            <source>How was consent to “{name}” given? (optional, e.g. “business card at the trade fair”)</source>
            <translation>Wie wurde die Einwilligung für „{name}“ erteilt? (optional, z. B. „Visitenkarte auf der Messe“)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="271" />
            <source>%n person(s) added to “{name}”.</source>
            <translation>
                <numerusform>%n Person zu „{name}“ hinzugefügt.</numerusform>
                <numerusform>%n Personen zu „{name}“ hinzugefügt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="276" />
            <source>%n skipped: they unsubscribed earlier and need a new consent.</source>
            <translation>
                <numerusform>%n Person übersprungen: hat sich früher abgemeldet und braucht eine neue Einwilligung.</numerusform>
                <numerusform>%n Personen übersprungen: haben sich früher abgemeldet und brauchen eine neue Einwilligung.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="291" />
            <source>New consent</source>
            <translation>Neue Einwilligung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="292" />
            <source>How did they consent again? (required, e.g. “phone call on 3 March”)</source>
            <translation>Wie wurde erneut eingewilligt? (Pflichtangabe, z. B. „Telefonat am 3. März“)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="322" />
            <source>%n already on the list.</source>
            <translation>
                <numerusform>%n stand schon auf dem Verteiler.</numerusform>
                <numerusform>%n standen schon auf dem Verteiler.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="324" />
            <source>%n already registered.</source>
            <translation>
                <numerusform>%n war schon angemeldet.</numerusform>
                <numerusform>%n waren schon angemeldet.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="330" />
            <source>Remove %n person(s) from this list? Persons who unsubscribed stay recorded, so that they are not added again. You can undo this.</source>
            <translation>
                <numerusform>%n Person aus diesem Verteiler entfernen? Wer sich abgemeldet hat, bleibt vermerkt, damit er nicht wieder aufgenommen wird. Sie können das rückgängig machen.</numerusform>
                <numerusform>%n Personen aus diesem Verteiler entfernen? Wer sich abgemeldet hat, bleibt vermerkt, damit er nicht wieder aufgenommen wird. Sie können das rückgängig machen.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="333" />
            <source>Remove %n person(s) from this event? You can undo this.</source>
            <translation>
                <numerusform>%n Person von dieser Veranstaltung entfernen? Sie können das rückgängig machen.</numerusform>
                <numerusform>%n Personen von dieser Veranstaltung entfernen? Sie können das rückgängig machen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="335" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="343" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="340" />
            <source>%n person(s) removed.</source>
            <translation>
                <numerusform>%n Person entfernt.</numerusform>
                <numerusform>%n Personen entfernt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="341" />
            <source>%n unsubscribed person(s) kept as a suppression.</source>
            <translation>
                <numerusform>%n abgemeldete Person bleibt als Sperrvermerk erhalten.</numerusform>
                <numerusform>%n abgemeldete Personen bleiben als Sperrvermerk erhalten.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="353" />
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="361" />
            <source>Unsubscribe</source>
            <translation>Abmelden</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="354" />
            <source>Unsubscribe %n person(s)? They stay on the list as unsubscribed and are not added again without a new consent. You can undo this.</source>
            <translation>
                <numerusform>%n Person abmelden? Sie bleibt als abgemeldet auf dem Verteiler und wird ohne neue Einwilligung nicht wieder aufgenommen. Sie können das rückgängig machen.</numerusform>
                <numerusform>%n Personen abmelden? Sie bleiben als abgemeldet auf dem Verteiler und werden ohne neue Einwilligung nicht wieder aufgenommen. Sie können das rückgängig machen.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="356" />
            <source>How did they unsubscribe? (optional, e.g. “reply by email”)</source>
            <translation>Wie haben sie sich abgemeldet? (optional, z. B. „Antwort per E-Mail“)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="364" />
            <source>%n person(s) unsubscribed.</source>
            <translation>
                <numerusform>%n Person abgemeldet.</numerusform>
                <numerusform>%n Personen abgemeldet.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="370" />
            <source>Set status</source>
            <translation>Status setzen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="377" />
            <source>“{status}” set for %n person(s).</source>
            <translation>
                <numerusform>„{status}“ für %n Person gesetzt.</numerusform>
                <numerusform>„{status}“ für %n Personen gesetzt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="418" />
            <source>Unsubscribed earlier</source>
            <translation>Früher abgemeldet</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="419" />
            <source>%n of these persons unsubscribed from this list earlier and were not added.

Have they explicitly given a new consent? Only then record it.</source>
            <translation>
                <numerusform>%n dieser Personen hat sich früher von diesem Verteiler abgemeldet und wurde nicht aufgenommen.

Hat sie ausdrücklich neu eingewilligt? Nur dann tragen Sie die Einwilligung ein.</numerusform>
                <numerusform>%n dieser Personen haben sich früher von diesem Verteiler abgemeldet und wurden nicht aufgenommen.

Haben sie ausdrücklich neu eingewilligt? Nur dann tragen Sie die Einwilligung ein.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="422" />
            <source>Record new consent…</source>
            <translation>Neue Einwilligung eintragen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_controller.py" line="424" />
            <source>Leave them out</source>
            <translation>Weglassen</translation>
        </message>
    </context>
    <context>
        <name>CollectionsSidebar</name>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_sidebar.py" line="43" />
            <source>Distribution lists</source>
            <translation>Verteiler</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_sidebar.py" line="44" />
            <source>Events</source>
            <translation>Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/collections_sidebar.py" line="50" />
            <source>Drag persons onto a list or an event to add them.</source>
            <translation>Ziehen Sie Personen auf einen Verteiler oder eine Veranstaltung, um sie hinzuzufügen.</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="29" />
            <location filename="../../defence_dir/ui/window/sections.py" line="36" />
            <location filename="../../defence_dir/ui/window/sections.py" line="41" />
            <location filename="../../defence_dir/ui/window/sections.py" line="45" />
            <location filename="../../defence_dir/ui/window/sections.py" line="48" />
            <location filename="../../defence_dir/ui/window/sections.py" line="54" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="30" />
            <source>Networks</source>
            <translation>Netzwerke</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="31" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="34" />
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="32" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="33" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="26" />
            <source>Found in</source>
            <translation>Gefunden in</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="37" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="38" />
            <location filename="../../defence_dir/ui/window/sections.py" line="50" />
            <source>City</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="39" />
            <source>Persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="43" />
            <source>Technology fields</source>
            <translation>Technologiefelder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="42" />
            <source>Contact persons</source>
            <translation>Ansprechpartner</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="46" />
            <location filename="../../defence_dir/ui/window/sections.py" line="55" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="49" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="51" />
            <source>Registered</source>
            <translation>Angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="52" />
            <source>Attended</source>
            <translation>Teilgenommen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="56" />
            <source>Subscribed</source>
            <translation>Angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="57" />
            <source>Unsubscribed</source>
            <translation>Abgemeldet</translation>
        </message>
    </context>
    <context>
        <name>ComparisonView</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/comparison_view.py" line="74" />
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/comparison_view.py" line="93" />
            <source>{number}: {name} (kept)</source>
            <translation>{number}: {name} (bleibt)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/comparison_view.py" line="94" />
            <source>{number}: {name}</source>
            <translation>{number}: {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/comparison_view.py" line="102" />
            <source>The merge keeps all of them.</source>
            <translation>Die Zusammenführung behält alle.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/comparison_view.py" line="104" />
            <source>The values differ: choose the one to keep.</source>
            <translation>Die Werte unterscheiden sich: Wählen Sie den, der bleiben soll.</translation>
        </message>
    </context>
    <context>
        <name>CopyBanner</name>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="73" />
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="145" />
            <source>Sync now</source>
            <translation>Jetzt abgleichen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="76" />
            <source>Sync at start</source>
            <translation>Beim Start abgleichen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="78" />
            <source>Bring the copy up to date each time the window opens and the team server can be reached</source>
            <translation>Die Kopie bei jedem Öffnen des Fensters aktualisieren, wenn der Team-Server erreichbar ist</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="97" />
            <source>Offline copy of {team}, as of {time}: read-only; changes are made in the team database.</source>
            <translation>Offline-Kopie von {team}, Stand {time}: schreibgeschützt; Änderungen werden in der Teamdatenbank gemacht.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="111" />
            <source>Cancelling …</source>
            <translation>Wird abgebrochen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="120" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="121" />
            <source>Syncing …</source>
            <translation>Wird abgeglichen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="147" />
            <source>Sync cancelled; the copy is as it was.</source>
            <translation>Abgleich abgebrochen; die Kopie ist, wie sie war.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="150" />
            <source>Not synced: {reason}</source>
            <translation>Nicht abgeglichen: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/team/sync_banner.py" line="158" />
            <source>Up to date (%n change(s)).</source>
            <translation>
                <numerusform>Aktuell (%n Änderung).</numerusform>
                <numerusform>Aktuell (%n Änderungen).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>DetailPane</name>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="113" />
            <source>Go to {name}</source>
            <translation>Zu {name} wechseln</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="136" />
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="136" />
            <source>Call</source>
            <translation>Anrufen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="135" />
            <source>Write</source>
            <translation>Schreiben</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="141" />
            <source>Copy</source>
            <translation>Kopieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="143" />
            <source>Copy {value}</source>
            <translation>{value} kopieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="157" />
            <source>Select an entry to see its details.</source>
            <translation>Einen Eintrag auswählen, um Einzelheiten zu sehen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="165" />
            <source>This entry no longer exists.</source>
            <translation>Diesen Eintrag gibt es nicht mehr.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="178" />
            <source>Salutation: {value}</source>
            <translation>Anrede: {value}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="181" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="184" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="189" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="197" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="303" />
            <source>Networks</source>
            <translation>Netzwerke</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="202" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="270" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="294" />
            <source>Technology fields</source>
            <translation>Technologiefelder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="206" />
            <source>Distribution lists</source>
            <translation>Verteiler</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="210" />
            <source>Events</source>
            <translation>Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="215" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="277" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="216" />
            <source>Record</source>
            <translation>Datensatz</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="217" />
            <source>Created {created}, changed {updated}, version {version}</source>
            <translation>Angelegt {created}, geändert {updated}, Version {version}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="225" />
            <source>Consent history</source>
            <translation>Einwilligungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="248" />
            <source>Note: {note}</source>
            <translation>Notiz: {note}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="255" />
            <source>sign-up form</source>
            <translation>Anmeldeformular</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="255" />
            <source>at an event</source>
            <translation>bei einer Veranstaltung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="256" />
            <source>import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="256" />
            <source>by hand</source>
            <translation>von Hand</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="264" />
            <source>Address</source>
            <translation>Anschrift</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="266" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="285" />
            <source>Website</source>
            <translation>Website</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="274" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="306" />
            <source>Persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="283" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="302" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="319" />
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="330" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="289" />
            <source>Contact persons</source>
            <translation>Ansprechpartner</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="304" />
            <source>Organisations</source>
            <translation>Organisationen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="317" />
            <source>Venue</source>
            <translation>Veranstaltungsort</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="318" />
            <source>Organiser</source>
            <translation>Veranstalter</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="321" />
            <source>Attendance</source>
            <translation>Teilnahme</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="324" />
            <source>No one registered yet.</source>
            <translation>Noch niemand angemeldet.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="332" />
            <source>Members</source>
            <translation>Mitglieder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="335" />
            <source>No members yet.</source>
            <translation>Noch keine Mitglieder.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="339" />
            <source>work</source>
            <translation>dienstlich</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="339" />
            <source>home</source>
            <translation>privat</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="339" />
            <source>mobile</source>
            <translation>mobil</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="340" />
            <source>fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="340" />
            <source>other</source>
            <translation>sonstige</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="343" />
            <source>registered</source>
            <translation>angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="343" />
            <source>attended</source>
            <translation>teilgenommen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="344" />
            <source>cancelled</source>
            <translation>abgesagt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="344" />
            <source>no-show</source>
            <translation>nicht erschienen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="345" />
            <source>subscribed</source>
            <translation>angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/detail_pane.py" line="346" />
            <source>unsubscribed</source>
            <translation>abgemeldet</translation>
        </message>
    </context>
    <context>
        <name>DraftComparison</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/draft_comparison.py" line="45" />
            <source>Possibly the same person</source>
            <translation>Möglicherweise dieselbe Person</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/draft_comparison.py" line="47" />
            <source>The import would create a new person. If it is the same as the existing one, merge them after the import with Edit › Find duplicates.</source>
            <translation>Der Import würde eine neue Person anlegen. Ist es dieselbe wie die vorhandene, führen Sie beide nach dem Import über Bearbeiten › Duplikate finden zusammen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/draft_comparison.py" line="55" />
            <source>In the directory: {name}</source>
            <translation>Im Verzeichnis: {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/draft_comparison.py" line="56" />
            <source>In the file: {name}</source>
            <translation>In der Datei: {name}</translation>
        </message>
    </context>
    <context>
        <name>DuplicateHint</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/duplicate_hint.py" line="45" />
            <source>Compare…</source>
            <translation>Vergleichen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/duplicate_hint.py" line="47" />
            <source>Show the persons side by side and merge them</source>
            <translation>Die Personen nebeneinander zeigen und zusammenführen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/duplicate_hint.py" line="61" />
            <source>Possible duplicate: {names}</source>
            <translation>Mögliche Dublette: {names}</translation>
        </message>
    </context>
    <context>
        <name>EventDayActions</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/eventday_actions.py" line="29" />
            <source>Badges…</source>
            <translation>Namensschilder…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/eventday_actions.py" line="30" />
            <source>Attendee list…</source>
            <translation>Teilnehmerliste…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/eventday_actions.py" line="32" />
            <source>Check-in</source>
            <translation>Einlass</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/eventday_actions.py" line="35" />
            <source>Check in arrivals at the door: scan their badges or type their names.</source>
            <translation>Ankommende am Einlass erfassen: Namensschild scannen oder Namen eingeben.</translation>
        </message>
    </context>
    <context>
        <name>EventExportDialog</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="60" />
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="65" />
            <source>Save to</source>
            <translation>Speichern unter</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="76" />
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="81" />
            <source>Open PDF</source>
            <translation>PDF öffnen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="141" />
            <source>PDF document (*.pdf)</source>
            <translation>PDF-Dokument (*.pdf)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="147" />
            <source>{path} is a folder. Give a file name.</source>
            <translation>{path} ist ein Ordner. Bitte einen Dateinamen angeben.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="149" />
            <source>The folder {folder} does not exist.</source>
            <translation>Den Ordner {folder} gibt es nicht.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="153" />
            <source>{path} cannot be written here (no permission). Choose another folder.</source>
            <translation>{path} kann hier nicht gespeichert werden (keine Berechtigung). Bitte einen anderen Ordner wählen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="161" />
            <source>Choose where to save the PDF.</source>
            <translation>Bitte wählen, wo das PDF gespeichert wird.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="172" />
            <source>Writing {file} …</source>
            <translation>{file} wird geschrieben …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="181" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="181" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="207" />
            <source>Cancelled: nothing was written.</source>
            <translation>Abgebrochen: Es wurde nichts gespeichert.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/export_dialogs.py" line="212" />
            <source>Cancelling …</source>
            <translation>Wird abgebrochen …</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="41" />
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="105" />
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="109" />
            <source>Export vCards</source>
            <translation>vCards exportieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="50" />
            <source>Address book</source>
            <translation>Adressbuch</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="54" />
            <source>Standard (vCard 3.0)</source>
            <translation>Standard (vCard 3.0)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="55" />
            <source>Apple Contacts, iPhone, Google, Android, Thunderbird, Nextcloud: one file with all cards.</source>
            <translation>Apple Kontakte, iPhone, Google, Android, Thunderbird, Nextcloud: eine Datei mit allen Karten.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="57" />
            <source>Outlook</source>
            <translation>Outlook</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="58" />
            <source>One file per person (Outlook imports only the first card of a file), in a folder or a .zip file.</source>
            <translation>Eine Datei je Person (Outlook importiert nur die erste Karte einer Datei), in einem Ordner oder einer .zip-Datei.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="60" />
            <source>vCard 4.0</source>
            <translation>vCard 4.0</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="61" />
            <source>RFC 6350, for clients that ask for it.</source>
            <translation>RFC 6350, für Programme, die es verlangen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="74" />
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="83" />
            <source>Persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="84" />
            <source>Save to</source>
            <translation>Speichern unter</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="86" />
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="106" />
            <source>Zip archive (*.zip)</source>
            <translation>Zip-Archiv (*.zip)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="109" />
            <source>vCard (*.vcf)</source>
            <translation>vCard (*.vcf)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="116" />
            <source>Choose where to save the cards.</source>
            <translation>Bitte wählen, wohin die Karten gespeichert werden.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="120" />
            <source>Exporting %n person(s) …</source>
            <translation>
                <numerusform>%n Person wird exportiert …</numerusform>
                <numerusform>%n Personen werden exportiert …</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/export_dialog.py" line="133" />
            <source>%n person(s) exported to {path}.</source>
            <translation>
                <numerusform>%n Person nach {path} exportiert.</numerusform>
                <numerusform>%n Personen nach {path} exportiert.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="39" />
            <location filename="../../defence_dir/ui/imports/file_page.py" line="74" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="40" />
            <source>Excel (.xlsx, .xls), OpenDocument (.ods) or CSV as Excel saves it; choose it or drop it here. The header row is found below title rows.</source>
            <translation>Excel (.xlsx, .xls), OpenDocument (.ods) oder CSV, wie Excel es speichert – auswählen oder hierher ziehen. Die Kopfzeile wird auch unter Titelzeilen gefunden.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="46" />
            <source>Choose…</source>
            <translation>Auswählen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="60" />
            <source>Semicolon ;</source>
            <translation>Semikolon ;</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="60" />
            <source>Comma ,</source>
            <translation>Komma ,</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="61" />
            <source>Tab</source>
            <translation>Tabulator</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="75" />
            <source>Sheet</source>
            <translation>Blatt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="76" />
            <source>Header row</source>
            <translation>Kopfzeile</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="77" />
            <source>CSV encoding</source>
            <translation>CSV-Kodierung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="78" />
            <source>CSV delimiter</source>
            <translation>CSV-Trennzeichen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="86" />
            <source>Import a spreadsheet</source>
            <translation>Tabelle importieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="87" />
            <source>Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt)</source>
            <translation>Tabellen (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.txt)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="101" />
            <source>Reading {name} …</source>
            <translation>{name} wird gelesen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="123" />
            <source>{name} ({rows} rows)</source>
            <translation>{name} ({rows} Zeilen)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="132" />
            <source>Read.</source>
            <translation>Gelesen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/file_page.py" line="134" />
            <source>Read as {encoding}, delimiter “{delimiter}”.</source>
            <translation>Gelesen als {encoding}, Trennzeichen „{delimiter}“.</translation>
        </message>
    </context>
    <context>
        <name>FinderWindow</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="56" />
            <source>Find duplicates</source>
            <translation>Duplikate finden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="79" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="82" />
            <source>Search again (F5)</source>
            <translation>Erneut suchen (F5)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="84" />
            <source>Look through the whole directory again</source>
            <translation>Das ganze Verzeichnis erneut durchsuchen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="97" />
            <source>{hint} (L: next lane)</source>
            <translation>{hint} (L: nächste Spur)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="101" />
            <source>Persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="101" />
            <source>Score</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="101" />
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="122" />
            <source>Click a person's heading (or press Ctrl and their number) to keep that person</source>
            <translation>Auf den Kopf einer Person klicken (oder Strg und ihre Nummer drücken), um diese Person zu behalten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="137" />
            <source>Merge (M)</source>
            <translation>Zusammenführen (M)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="138" />
            <source>Merge the persons into the first one, with the values ticked (M)</source>
            <translation>Die Personen in die erste zusammenführen, mit den abgehakten Werten (M)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="139" />
            <source>Not duplicates (N)</source>
            <translation>Keine Duplikate (N)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="140" />
            <source>These are different people: never propose them again (N)</source>
            <translation>Das sind verschiedene Menschen: nie wieder vorschlagen (N)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="142" />
            <source>Skip (S)</source>
            <translation>Überspringen (S)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="143" />
            <source>Leave this group for now and show the next one (S or Space)</source>
            <translation>Diese Gruppe vorerst lassen und die nächste zeigen (S oder Leertaste)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="144" />
            <source>Merge whole lane…</source>
            <translation>Ganze Spur zusammenführen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="145" />
            <source>Merge every group of the certain lane after one confirmation</source>
            <translation>Jede Gruppe der Spur „Sicher“ nach einer Bestätigung zusammenführen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="146" />
            <source>J/K or ↑/↓: next/previous group · 1, 2, 3: keep that value of the current field · Ctrl+1, 2, 3: keep that person · Ctrl+Z: undo</source>
            <translation>J/K oder ↑/↓: nächste/vorige Gruppe · 1, 2, 3: diesen Wert des aktuellen Felds behalten · Strg+1, 2, 3: diese Person behalten · Strg+Z: rückgängig</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="152" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="204" />
            <source>Certain ({count})</source>
            <translation>Sicher ({count})</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="205" />
            <source>Likely ({count})</source>
            <translation>Wahrscheinlich ({count})</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="206" />
            <source>Possible ({count})</source>
            <translation>Möglich ({count})</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="209" />
            <source>Safe to merge without reading</source>
            <translation>Ohne Lesen sicher zusammenzuführen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="210" />
            <source>Strong evidence: give each a glance</source>
            <translation>Starke Hinweise: jeweils kurz ansehen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="211" />
            <source>Worth a look</source>
            <translation>Einen Blick wert</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="219" />
            <source>Looking for duplicates …</source>
            <translation>Suche nach Duplikaten …</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="241" />
            <source>%n group(s) found.</source>
            <translation>
                <numerusform>%n Gruppe gefunden.</numerusform>
                <numerusform>%n Gruppen gefunden.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="252" />
            <source>The search failed: {message}</source>
            <translation>Die Suche ist fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="258" />
            <source>Search cancelled. Nothing was changed.</source>
            <translation>Suche abgebrochen. Nichts wurde geändert.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="269" />
            <source>Press F5 to look through the whole directory.</source>
            <translation>F5 durchsucht das ganze Verzeichnis.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="314" />
            <source>This group is out of date and was taken off the list: {message}</source>
            <translation>Diese Gruppe ist überholt und wurde aus der Liste genommen: {message}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_window.py" line="335" />
            <source>Nothing to choose in this field.</source>
            <translation>In diesem Feld gibt es nichts zu wählen.</translation>
        </message>
    </context>
    <context>
        <name>FinderWrites</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="107" />
            <source>Merged into {name}.</source>
            <translation>Zusammengeführt in {name}.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="116" />
            <source>Not merged</source>
            <translation>Nicht zusammengeführt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="117" />
            <source>{message}

Nothing was changed. The comparison now shows the persons as they are.</source>
            <translation>{message}

Nichts wurde geändert. Der Vergleich zeigt die Personen jetzt, wie sie sind.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="149" />
            <source>Merge whole lane</source>
            <translation>Ganze Spur zusammenführen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="150" />
            <source>Merge all %n group(s) of the certain lane? Each group is merged into its first person; empty fields are filled from the others. Undo takes it back.</source>
            <translation>
                <numerusform>Die %n Gruppe der Spur „Sicher“ zusammenführen? Sie wird in ihre erste Person zusammengeführt; leere Felder werden aus den anderen gefüllt. Rückgängig nimmt es zurück.</numerusform>
                <numerusform>Alle %n Gruppen der Spur „Sicher“ zusammenführen? Jede Gruppe wird in ihre erste Person zusammengeführt; leere Felder werden aus den anderen gefüllt. Rückgängig nimmt es zurück.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="164" />
            <source>%n group(s) merged.</source>
            <translation>
                <numerusform>%n Gruppe zusammengeführt.</numerusform>
                <numerusform>%n Gruppen zusammengeführt.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="173" />
            <source>Cancelled: nothing was merged.</source>
            <translation>Abgebrochen: Nichts wurde zusammengeführt.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="175" />
            <source>Merging %n group(s) …</source>
            <translation>
                <numerusform>%n Gruppe wird zusammengeführt …</numerusform>
                <numerusform>%n Gruppen werden zusammengeführt …</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/finder_writes.py" line="184" />
            <source>Not changed</source>
            <translation>Nicht geändert</translation>
        </message>
    </context>
    <context>
        <name>ImportActions</name>
        <message>
            <location filename="../../defence_dir/ui/window/import_actions.py" line="25" />
            <source>Import vCards</source>
            <translation>vCards importieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/import_actions.py" line="26" />
            <source>vCard (*.vcf *.vcard)</source>
            <translation>vCard (*.vcf *.vcard)</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="139" />
            <source>Reading the cards …</source>
            <translation>Karten werden gelesen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="77" />
            <source>Warnings</source>
            <translation>Hinweise</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="193" />
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="283" />
            <source>%n card(s) with a warning (see Warnings).</source>
            <translation>
                <numerusform>%n Karte mit Hinweis (siehe Hinweise).</numerusform>
                <numerusform>%n Karten mit Hinweis (siehe Hinweise).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="51" />
            <source>Import vCards: {name}</source>
            <translation>vCards importieren: {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="70" />
            <source>Fill empty fields</source>
            <translation>Leere Felder füllen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="71" />
            <source>Overwrite</source>
            <translation>Überschreiben</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="72" />
            <source>Skip</source>
            <translation>Überspringen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="76" />
            <source>Card</source>
            <translation>Karte</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="76" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="76" />
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="77" />
            <source>Details</source>
            <translation>Einzelheiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="105" />
            <source>Persons already in the directory</source>
            <translation>Personen, die schon im Verzeichnis sind</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="107" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="124" />
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="124" />
            <source>update</source>
            <translation>ergänzt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="125" />
            <source>unchanged</source>
            <translation>unverändert</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="125" />
            <source>skipped</source>
            <translation>übersprungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="126" />
            <source>duplicate</source>
            <translation>doppelt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="126" />
            <source>invalid</source>
            <translation>ungültig</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="209" />
            <source>Importing %n card(s) …</source>
            <translation>
                <numerusform>%n Karte wird importiert …</numerusform>
                <numerusform>%n Karten werden importiert …</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="249" />
            <source>Import cancelled: nothing was written, the directory is as it was.</source>
            <translation>Import abgebrochen: Es wurde nichts geschrieben, das Verzeichnis ist unverändert.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="272" />
            <source>Import done: {new} new, {updated} updated, {unchanged} unchanged.</source>
            <translation>Import abgeschlossen: {new} neu, {updated} aktualisiert, {unchanged} unverändert.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="281" />
            <source>Not imported: {cards}.</source>
            <translation>Nicht importiert: {cards}.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/import_dialog.py" line="292" />
            <source>Cancelling the import …</source>
            <translation>Der Import wird abgebrochen …</translation>
        </message>
    </context>
    <context>
        <name>ImportFields</name>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="15" />
            <source>Salutation</source>
            <translation>Anrede</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="16" />
            <source>Academic title</source>
            <translation>Akademischer Titel</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="17" />
            <source>Given name</source>
            <translation>Vorname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="18" />
            <source>Middle name</source>
            <translation>Weitere Vornamen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="19" />
            <source>Family name</source>
            <translation>Nachname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="20" />
            <source>Name suffix</source>
            <translation>Namenszusatz</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="21" />
            <source>Full name (given family)</source>
            <translation>Name (Vorname Nachname)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="22" />
            <source>Full name (family, given)</source>
            <translation>Name (Nachname, Vorname)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="23" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="24" />
            <source>Phone (work)</source>
            <translation>Telefon (dienstlich)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="25" />
            <source>Mobile</source>
            <translation>Mobil</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="26" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="27" />
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="28" />
            <source>Department</source>
            <translation>Abteilung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="29" />
            <source>City (to notes)</source>
            <translation>Ort (in die Notizen)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="30" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="31" />
            <source>Attendance status</source>
            <translation>Teilnahmestatus</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="32" />
            <source>Attended (yes/no)</source>
            <translation>Teilgenommen (ja/nein)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="33" />
            <source>Consent</source>
            <translation>Einwilligung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="34" />
            <source>(to notes)</source>
            <translation>(in die Notizen)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/field_labels.py" line="35" />
            <source>(ignore)</source>
            <translation>(ignorieren)</translation>
        </message>
    </context>
    <context>
        <name>ImportPage</name>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="38" />
            <source>Import</source>
            <translation>Import</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="39" />
            <source>The persons are added as the preview shows. The import can be undone.</source>
            <translation>Die Personen werden so übernommen, wie die Vorschau zeigt. Der Import lässt sich rückgängig machen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="45" />
            <source>List members get the file name and row as proof of consent. Persons who unsubscribed are not added again; they are listed afterwards.</source>
            <translation>Verteilermitglieder erhalten Dateiname und Zeile als Nachweis der Einwilligung. Wer sich abgemeldet hat, wird nicht erneut eingetragen und danach aufgeführt.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="73" />
            <source>Save report…</source>
            <translation>Bericht speichern …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="106" />
            <source>Importing …</source>
            <translation>Importiere …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="157" />
            <source>Not imported:</source>
            <translation>Nicht importiert:</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="160" />
            <source>Imported with a warning:</source>
            <translation>Mit Hinweis importiert:</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="163" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="167" />
            <source>Row {row}: {reason}</source>
            <translation>Zeile {row}: {reason}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="170" />
            <source>… and {count} more in the report</source>
            <translation>… und {count} weitere im Bericht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="175" />
            <source>Save the import report</source>
            <translation>Importbericht speichern</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="177" />
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/import_page.py" line="196" />
            <source>Report saved: {path}</source>
            <translation>Bericht gespeichert: {path}</translation>
        </message>
    </context>
    <context>
        <name>ImportsDialog</name>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="36" />
            <source>Imports</source>
            <translation>Importe</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="42" />
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="42" />
            <source>Imported</source>
            <translation>Importiert</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="43" />
            <source>Rows</source>
            <translation>Zeilen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="43" />
            <source>New</source>
            <translation>Neu</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="44" />
            <source>Updated</source>
            <translation>Ergänzt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="44" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="56" />
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="105" />
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="111" />
            <source>Undo import</source>
            <translation>Import rückgängig machen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="77" />
            <source>undone</source>
            <translation>rückgängig gemacht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="106" />
            <source>Undo the import of “{file}”?

New records to remove: {created}
Changed records to restore: {updated}</source>
            <translation>Den Import von „{file}“ rückgängig machen?

Neu angelegt, wird entfernt: {created}
Geändert, bekommt die früheren Werte: {updated}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="128" />
            <source>Undoing the import…</source>
            <translation>Import wird rückgängig gemacht …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="133" />
            <source>Undone: {deleted} removed, {restored} restored.</source>
            <translation>Rückgängig gemacht: {deleted} entfernt, {restored} wiederhergestellt.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/imports_dialog.py" line="141" />
            <source>Undo cancelled; the import is still in place.</source>
            <translation>Rückgängigmachen abgebrochen; der Import bleibt bestehen.</translation>
        </message>
    </context>
    <context>
        <name>Jobs</name>
        <message>
            <location filename="../../defence_dir/ui/common/jobs.py" line="192" />
            <source>Something went wrong</source>
            <translation>Etwas ist schiefgegangen</translation>
        </message>
    </context>
    <context>
        <name>MailingActions</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="66" />
            <source>%n recipient(s) written to {file}.</source>
            <translation>
                <numerusform>%n Empfänger in {file} geschrieben.</numerusform>
                <numerusform>%n Empfänger in {file} geschrieben.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="80" />
            <source>%n address(es) copied for BCC.</source>
            <translation>
                <numerusform>%n Adresse für BCC kopiert.</numerusform>
                <numerusform>%n Adressen für BCC kopiert.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="82" />
            <source>{count} left out: {unsubscribed} unsubscribed or cancelled, {invalid} without a valid address.</source>
            <translation>{count} weggelassen: {unsubscribed} abgemeldet oder abgesagt, {invalid} ohne gültige Adresse.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="94" />
            <source>Export for mail merge</source>
            <translation>Für Serienbrief exportieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/mailing_actions.py" line="95" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../defence_dir/ui/window/main_window.py" line="54" />
            <source>defence-dir – DEFENCE.NRW directory</source>
            <translation>defence-dir – Verzeichnis DEFENCE.NRW</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/main_window.py" line="70" />
            <source>Search failed: {message}</source>
            <translation>Suche fehlgeschlagen: {message}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/main_window.py" line="142" />
            <source>Team database {name}</source>
            <translation>Teamdatenbank {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/main_window.py" line="144" />
            <source>defence-dir – team database {name}</source>
            <translation>defence-dir – Teamdatenbank {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/main_window.py" line="318" />
            <source>Not saved</source>
            <translation>Nicht gespeichert</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="115" />
            <source>Target and columns</source>
            <translation>Ziel und Spalten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="116" />
            <source>Where the persons go, and which field each column holds. Recognised from German and English headings; correct what is wrong.</source>
            <translation>Wohin die Personen kommen und welches Feld jede Spalte enthält. Erkannt an deutschen und englischen Überschriften; korrigieren Sie, was nicht stimmt.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="124" />
            <source>Column</source>
            <translation>Spalte</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="124" />
            <source>Example</source>
            <translation>Beispiel</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="125" />
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="129" />
            <source>Offer this assignment (and the status words placed in the preview) again for files with the same columns</source>
            <translation>Diese Zuordnung (und die in der Vorschau zugeordneten Statuswörter) für Dateien mit denselben Spalten wieder anbieten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="173" />
            <source>{field} – ignored (not an event)</source>
            <translation>{field} – ignoriert (keine Veranstaltung)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="175" />
            <source>A status is about an event: it is read only for an import into an event.</source>
            <translation>Ein Status gehört zu einer Veranstaltung: Er wird nur beim Import in eine Veranstaltung gelesen.</translation>
        </message>
    </context>
    <context>
        <name>MarkedDifferent</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="149" />
            <source>Mark as not duplicates</source>
            <translation>Als keine Duplikate markieren</translation>
        </message>
    </context>
    <context>
        <name>MatchedField</name>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="54" />
            <source>name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="55" />
            <source>similar name</source>
            <translation>ähnlicher Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="56" />
            <source>organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="57" />
            <source>network</source>
            <translation>Netzwerk</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="58" />
            <source>function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="59" />
            <source>technology field</source>
            <translation>Technologiefeld</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="60" />
            <source>city</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="61" />
            <source>email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="62" />
            <source>phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/table_models.py" line="63" />
            <source>notes</source>
            <translation>Notizen</translation>
        </message>
    </context>
    <context>
        <name>MembersChange</name>
        <message>
            <location filename="../../defence_dir/ui/records/undo_commands.py" line="235" />
            <source>Undoing “{action}” …</source>
            <translation>„{action}“ wird rückgängig gemacht …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/undo_commands.py" line="237" />
            <source>Redoing “{action}” …</source>
            <translation>„{action}“ wird wiederholt …</translation>
        </message>
    </context>
    <context>
        <name>MembersPanel</name>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="247" />
            <source>Only members without proof of consent</source>
            <translation>Nur Mitglieder ohne Nachweis der Einwilligung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="254" />
            <location filename="../../defence_dir/ui/lists/members_view.py" line="429" />
            <source>Set status</source>
            <translation>Status setzen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="258" />
            <location filename="../../defence_dir/ui/lists/members_view.py" line="434" />
            <source>Unsubscribe</source>
            <translation>Abmelden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="261" />
            <source>The person stays recorded as unsubscribed and is not added again without a new consent.</source>
            <translation>Die Person bleibt als abgemeldet vermerkt und wird ohne neue Einwilligung nicht wieder aufgenommen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="265" />
            <location filename="../../defence_dir/ui/lists/members_view.py" line="436" />
            <source>Remove…</source>
            <translation>Entfernen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="268" />
            <source>Export for mail merge (.xlsx)…</source>
            <translation>Serienbrief-Export (.xlsx)…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="273" />
            <source>Copy email addresses (BCC)</source>
            <translation>E-Mail-Adressen kopieren (BCC)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="278" />
            <source>Separated by “; ” (Outlook)</source>
            <translation>Getrennt durch „; “ (Outlook)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="280" />
            <source>Separated by “, ” (other mail programs)</source>
            <translation>Getrennt durch „, “ (andere E-Mail-Programme)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="337" />
            <source>Members of “{name}”</source>
            <translation>Mitglieder von „{name}“</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="339" />
            <source>Attendees of “{name}”</source>
            <translation>Teilnehmende an „{name}“</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/lists/members_view.py" line="340" />
            <source>%n person(s)</source>
            <translation>
                <numerusform>%n Person</numerusform>
                <numerusform>%n Personen</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="355" />
            <source>Every member has a recorded consent.</source>
            <translation>Für alle Mitglieder ist eine Einwilligung nachgewiesen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="357" />
            <source>No one here yet. Drag persons from the persons table onto the list or event in the sidebar, or use “Add to distribution list” / “Register for event” in their context menu.</source>
            <translation>Noch niemand hier. Ziehen Sie Personen aus der Personentabelle auf den Verteiler oder die Veranstaltung in der Seitenleiste, oder wählen Sie im Kontextmenü „Zum Verteiler hinzufügen“ bzw. „Für Veranstaltung anmelden“.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="426" />
            <source>Open person</source>
            <translation>Person öffnen</translation>
        </message>
    </context>
    <context>
        <name>MembersView</name>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="56" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="57" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="58" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="59" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="62" />
            <source>Consent</source>
            <translation>Einwilligung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="66" />
            <source>subscribed</source>
            <translation>angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="67" />
            <source>unsubscribed</source>
            <translation>abgemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="68" />
            <source>registered</source>
            <translation>angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="69" />
            <source>attended</source>
            <translation>teilgenommen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="70" />
            <source>cancelled</source>
            <translation>abgesagt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="71" />
            <source>no-show</source>
            <translation>nicht erschienen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="82" />
            <source>no proof of consent</source>
            <translation>kein Nachweis der Einwilligung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/members_view.py" line="130" />
            <source>unsubscribed on {date}</source>
            <translation>abgemeldet am {date}</translation>
        </message>
    </context>
    <context>
        <name>MergedLane</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="137" />
            <source>Merging again …</source>
            <translation>Erneut zusammenführen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="141" />
            <source>Taking the merges back …</source>
            <translation>Zusammenführungen werden zurückgenommen …</translation>
        </message>
    </context>
    <context>
        <name>NameDescriptionDialog</name>
        <message>
            <location filename="../../defence_dir/ui/lists/name_description_dialog.py" line="36" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/lists/name_description_dialog.py" line="38" />
            <source>Description</source>
            <translation>Beschreibung</translation>
        </message>
    </context>
    <context>
        <name>OrganisationDialog</name>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="60" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="62" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="63" />
            <source>Street</source>
            <translation>Straße</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="64" />
            <source>Postal code</source>
            <translation>PLZ</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="65" />
            <source>City</source>
            <translation>Ort</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="66" />
            <source>Country</source>
            <translation>Land</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="67" />
            <source>Website</source>
            <translation>Website</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="69" />
            <source>Technology fields</source>
            <translation>Technologiefelder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="70" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
    </context>
    <context>
        <name>OutcomeBanner</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/outcome_banner.py" line="51" />
            <source>Check in anyway</source>
            <translation>Trotzdem einlassen</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="51" />
            <source>Overview</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="63" />
            <source>Persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="64" />
            <source>Persons per network</source>
            <translation>Personen je Netzwerk</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="65" />
            <source>Persons per technology field</source>
            <translation>Personen je Technologiefeld</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="66" />
            <source>Distribution list members over time</source>
            <translation>Verteiler-Mitglieder im Zeitverlauf</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="67" />
            <source>Registered and attended per event</source>
            <translation>Angemeldet und teilgenommen je Veranstaltung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="68" />
            <source>Registered</source>
            <translation>Angemeldet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="68" />
            <source>Attended</source>
            <translation>Teilgenommen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="71" />
            <source>Click or press Enter to list these persons.</source>
            <translation>Klicken oder Eingabetaste drücken, um diese Personen aufzulisten.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="114" />
            <source>The overview could not be loaded: {message}</source>
            <translation>Die Übersicht konnte nicht geladen werden: {message}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="125" />
            <source>%Ln person(s) in the directory</source>
            <translation>
                <numerusform>%Ln Person im Verzeichnis</numerusform>
                <numerusform>%Ln Personen im Verzeichnis</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="136" />
            <source>{percent} % attended</source>
            <translation>{percent} % teilgenommen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/overview/overview_page.py" line="143" />
            <source>%Ln of {total} shown</source>
            <translation>
                <numerusform>%Ln von {total} angezeigt</numerusform>
                <numerusform>%Ln von {total} angezeigt</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="183" />
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="194" />
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="197" />
            <source>work</source>
            <translation>dienstlich</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="194" />
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="198" />
            <source>private</source>
            <translation>privat</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="194" />
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="198" />
            <source>other</source>
            <translation>sonstige</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="195" />
            <source>Add email</source>
            <translation>E-Mail hinzufügen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="197" />
            <source>mobile</source>
            <translation>mobil</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="197" />
            <source>fax</source>
            <translation>Fax</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="199" />
            <source>Add phone</source>
            <translation>Telefon hinzufügen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="207" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="209" />
            <source>Salutation</source>
            <translation>Anrede</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="210" />
            <source>Academic title</source>
            <translation>Akademischer Titel</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="211" />
            <source>Given name</source>
            <translation>Vorname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="212" />
            <source>Middle name</source>
            <translation>Zweiter Vorname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="213" />
            <source>Family name</source>
            <translation>Nachname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="214" />
            <source>Name suffix</source>
            <translation>Namenszusatz</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="216" />
            <source>Work</source>
            <translation>Beruflich</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="218" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="219" />
            <source>Function</source>
            <translation>Funktion</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="220" />
            <source>Department</source>
            <translation>Abteilung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="221" />
            <source>Reachable at</source>
            <translation>Erreichbar unter</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="223" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="224" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="225" />
            <source>More</source>
            <translation>Weiteres</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="227" />
            <source>Technology fields</source>
            <translation>Technologiefelder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="228" />
            <source>Notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="319" />
            <source>Saved as {number}</source>
            <translation>Gespeichert als {number}</translation>
        </message>
    </context>
    <context>
        <name>PreviewPage</name>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="57" />
            <source>Preview</source>
            <translation>Vorschau</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="58" />
            <source>What each row will do. Nothing has been written yet.</source>
            <translation>Was jede Zeile bewirkt. Noch ist nichts geschrieben.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="67" />
            <source>fill empty fields</source>
            <translation>leere Felder füllen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="68" />
            <source>overwrite</source>
            <translation>überschreiben</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="69" />
            <source>skip</source>
            <translation>überspringen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="74" />
            <source>Row</source>
            <translation>Zeile</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="74" />
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="74" />
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="75" />
            <source>Details</source>
            <translation>Einzelheiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="75" />
            <source>For this person</source>
            <translation>Für diese Person</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="101" />
            <source>Name match from</source>
            <translation>Namensgleichheit ab</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="104" />
            <source>Persons already in the directory:</source>
            <translation>Personen, die schon im Verzeichnis sind:</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="115" />
            <source>Word in the file</source>
            <translation>Wort in der Datei</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="115" />
            <source>Rows</source>
            <translation>Zeilen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="116" />
            <source>Attendance status</source>
            <translation>Teilnahmestatus</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="150" />
            <source>Comparing with the directory …</source>
            <translation>Abgleich mit dem Verzeichnis …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="174" />
            <source>(first {count} rows; the others follow …)</source>
            <translation>(die ersten {count} Zeilen; die übrigen folgen …)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="179" />
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="179" />
            <source>already there</source>
            <translation>schon vorhanden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="180" />
            <source>duplicate in file</source>
            <translation>doppelt in der Datei</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="181" />
            <source>invalid</source>
            <translation>ungültig</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="181" />
            <source>empty</source>
            <translation>leer</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="209" />
            <source>imported with a warning (⚠): {count}</source>
            <translation>mit Hinweis importiert (⚠): {count}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="226" />
            <source>not known: {status}, with a warning</source>
            <translation>unbekannt: {status}, mit Hinweis</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="235" />
            <source>Status words of the file that are not known: choose what each one means. The choice is remembered for later imports.</source>
            <translation>Statuswörter der Datei, die nicht bekannt sind: Wählen Sie, was jedes bedeutet. Die Wahl wird für spätere Importe gemerkt.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="263" />
            <source>Status: {status}</source>
            <translation>Status: {status}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/preview_page.py" line="269" />
            <source>similarity {score} %</source>
            <translation>Ähnlichkeit {score} %</translation>
        </message>
    </context>
    <context>
        <name>PrivacyActions</name>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="42" />
            <source>Export access report…</source>
            <translation>Auskunft exportieren…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="45" />
            <source>Everything stored about the selected person, as JSON or Excel (GDPR Art. 15)</source>
            <translation>Alles über die ausgewählte Person Gespeicherte als JSON oder Excel (Art. 15 DSGVO)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="47" />
            <source>Erase person (GDPR)…</source>
            <translation>Person löschen (DSGVO)…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="50" />
            <source>Delete the selected person and every trace of them for good (GDPR Art. 17)</source>
            <translation>Die ausgewählte Person mit allen Spuren endgültig löschen (Art. 17 DSGVO)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="52" />
            <source>&amp;Privacy</source>
            <translation>&amp;Datenschutz</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="60" />
            <source>Erasure not complete: another program has the database open</source>
            <translation>Löschung nicht abgeschlossen: ein anderes Programm hat die Datenbank geöffnet</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="64" />
            <source>Old copies of erased data are still in the database file. They are overwritten as soon as no other program (a second window, a command) has the database open.</source>
            <translation>Alte Kopien gelöschter Daten stehen noch in der Datenbankdatei. Sie werden überschrieben, sobald kein anderes Programm (ein zweites Fenster, ein Befehl) die Datenbank geöffnet hat.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="97" />
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="98" />
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="101" />
            <source>Access report {name}</source>
            <translation>Auskunft {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="104" />
            <source>Export access report</source>
            <translation>Auskunft exportieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="115" />
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="120" />
            <source>Access report not written</source>
            <translation>Auskunft nicht geschrieben</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="116" />
            <source>{path} cannot be written: {reason}</source>
            <translation>{path} kann nicht geschrieben werden: {reason}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="123" />
            <source>Access report for {name} written to {path}</source>
            <translation>Auskunft zu {name} nach {path} geschrieben</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="130" />
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="166" />
            <source>Erase person (GDPR)</source>
            <translation>Person löschen (DSGVO)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="131" />
            <source>Erase {name} and everything stored about them?</source>
            <translation>{name} und alles über diese Person Gespeicherte löschen?</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="135" />
            <source>Contact details, network roles, list memberships with their consent history, event attendances, import records about this person and their entries in the search index are deleted, and the database file is rewritten so that nothing of them stays readable in it.

This cannot be undone. Unlike “Delete”, Undo will not bring the person back; the undo history is cleared.</source>
            <translation>Kontaktdaten, Netzwerkrollen, Verteiler-Mitgliedschaften mit ihren Einwilligungen, Veranstaltungsteilnahmen, Importeinträge zu dieser Person und ihre Einträge im Suchindex werden gelöscht, und die Datenbankdatei wird neu geschrieben, sodass nichts davon darin lesbar bleibt.

Das kann nicht rückgängig gemacht werden. Anders als bei „Löschen“ holt „Rückgängig“ die Person nicht zurück; der Verlauf für „Rückgängig“ wird geleert.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="192" />
            <source>Person erased completely (%n record(s)); nothing of them is left in the database file.</source>
            <translation>
                <numerusform>Person vollständig gelöscht (%n Datensatz); in der Datenbankdatei ist nichts mehr von ihr enthalten.</numerusform>
                <numerusform>Person vollständig gelöscht (%n Datensätze); in der Datenbankdatei ist nichts mehr von ihr enthalten.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="196" />
            <source>Person erased from the directory (%n record(s)).</source>
            <translation>
                <numerusform>Person aus dem Verzeichnis gelöscht (%n Datensatz).</numerusform>
                <numerusform>Person aus dem Verzeichnis gelöscht (%n Datensätze).</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="205" />
            <source>The person is erased from the directory, but another program (a second window or a command) has the database open, so old copies of their data are still in the database file. They are overwritten as soon as no other program uses the database; the status bar shows this until then.</source>
            <translation>Die Person ist aus dem Verzeichnis gelöscht, aber ein anderes Programm (ein zweites Fenster oder ein Befehl) hat die Datenbank geöffnet, daher stehen alte Kopien ihrer Daten noch in der Datenbankdatei. Sie werden überschrieben, sobald kein anderes Programm die Datenbank benutzt; bis dahin zeigt die Statusleiste das an.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="211" />
            <source>The person is erased from the directory. On a database server, old row versions can stay in the server's files, WAL archives and backups until the server reuses the space; ask the server's administrator about them.</source>
            <translation>Die Person ist aus dem Verzeichnis gelöscht. Auf einem Datenbankserver können alte Zeilenversionen in den Dateien des Servers, in WAL-Archiven und Sicherungen bleiben, bis der Server den Platz wiederverwendet; fragen Sie die Administration des Servers danach.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="216" />
            <source>%n older backup(s) of the database, made before updates of defence-dir, still contain the person's data:</source>
            <translation>
                <numerusform>%n ältere Sicherungskopie der Datenbank, vor einem Update von defence-dir angelegt, enthält die Daten der Person noch:</numerusform>
                <numerusform>%n ältere Sicherungskopien der Datenbank, vor Updates von defence-dir angelegt, enthalten die Daten der Person noch:</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="220" />
            <source>Erasure not complete</source>
            <translation>Löschung nicht vollständig</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="223" />
            <source>Delete %n backup(s)…</source>
            <translation>
                <numerusform>Diese Sicherungskopie löschen …</numerusform>
                <numerusform>Diese %n Sicherungskopien löschen …</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="232" />
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="238" />
            <source>Delete backups</source>
            <translation>Sicherungskopien löschen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="233" />
            <source>Delete %n backup(s) of the database for good? They also hold the other records as they were before the update.</source>
            <translation>
                <numerusform>%n Sicherungskopie der Datenbank endgültig löschen? Sie enthält auch die übrigen Einträge im Stand vor dem Update.</numerusform>
                <numerusform>%n Sicherungskopien der Datenbank endgültig löschen? Sie enthalten auch die übrigen Einträge im Stand vor dem Update.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="246" />
            <source>Backups not deleted</source>
            <translation>Sicherungskopien nicht gelöscht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="247" />
            <source>{path} cannot be deleted: {reason}</source>
            <translation>{path} kann nicht gelöscht werden: {reason}</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="251" />
            <source>%n backup(s) deleted.</source>
            <translation>
                <numerusform>%n Sicherungskopie gelöscht.</numerusform>
                <numerusform>%n Sicherungskopien gelöscht.</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="275" />
            <source>The erasure is complete: nothing of the erased person is left in the database file.</source>
            <translation>Die Löschung ist abgeschlossen: in der Datenbankdatei ist nichts mehr von der gelöschten Person enthalten.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="142" />
            <source>Erase permanently</source>
            <translation>Endgültig löschen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="163" />
            <source>Erasing {name} and compacting the database …</source>
            <translation>{name} wird gelöscht und die Datenbank verdichtet …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="183" />
            <source>Not erased</source>
            <translation>Nicht gelöscht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/privacy/privacy_actions.py" line="184" />
            <source>The person could not be erased: {message}</source>
            <translation>Die Person konnte nicht gelöscht werden: {message}</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <location filename="../../defence_dir/ui/common/progress_jobs.py" line="57" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
    </context>
    <context>
        <name>QrDialog</name>
        <message>
            <location filename="../../defence_dir/ui/vcard/qr_dialog.py" line="19" />
            <source>QR code: {name}</source>
            <translation>QR-Code: {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/vcard/qr_dialog.py" line="29" />
            <source>Scan with the phone's camera to add {name} to its contacts.</source>
            <translation>Mit der Kamera des Telefons scannen, um {name} zu seinen Kontakten hinzuzufügen.</translation>
        </message>
    </context>
    <context>
        <name>ReadOnlyBanner</name>
        <message>
            <location filename="../../defence_dir/ui/window/read_only_banner.py" line="18" />
            <source>defence-dir – DEFENCE.NRW directory (read-only)</source>
            <translation>defence-dir – Verzeichnis DEFENCE.NRW (schreibgeschützt)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/read_only_banner.py" line="25" />
            <source>Read-only: the database file or its folder is write-protected. You can search, view and export, but not change anything.</source>
            <translation>Nur Lesezugriff: Die Datenbankdatei oder ihr Ordner ist schreibgeschützt. Sie können suchen, ansehen und exportieren, aber nichts ändern.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/read_only_banner.py" line="42" />
            <source>Read-only</source>
            <translation>Schreibgeschützt</translation>
        </message>
    </context>
    <context>
        <name>RecordEditor</name>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="56" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="64" />
            <source>New person</source>
            <translation>Neue Person</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="72" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="97" />
            <source>Edit person</source>
            <translation>Person bearbeiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="102" />
            <source>Delete this person?</source>
            <translation>Diese Person löschen?</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/records/record_editing.py" line="103" />
            <source>Delete these %n persons?</source>
            <translation>
                <numerusform>Diese %n Person löschen?</numerusform>
                <numerusform>Diese %n Personen löschen?</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="104" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="112" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="196" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="203" />
            <source>Delete</source>
            <translation>Löschen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="105" />
            <source>Memberships in lists and events go with them. You can undo this.</source>
            <translation>Mitgliedschaften in Verteilern und Veranstaltungen werden mit gelöscht. Das lässt sich rückgängig machen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="118" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="127" />
            <source>New organisation</source>
            <translation>Neue Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="137" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="145" />
            <source>Edit organisation</source>
            <translation>Organisation bearbeiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="150" />
            <source>Delete this organisation? Its persons stay in the directory, without an organisation. You can undo this.</source>
            <translation>Diese Organisation löschen? Ihre Personen bleiben im Verzeichnis, ohne Organisation. Das lässt sich rückgängig machen.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="155" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="164" />
            <source>New technology field</source>
            <translation>Neues Technologiefeld</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="174" />
            <location filename="../../defence_dir/ui/records/record_editing.py" line="182" />
            <source>Edit technology field</source>
            <translation>Technologiefeld bearbeiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/records/record_editing.py" line="188" />
            <source>Delete this technology field? It is removed from every person, organisation and network. You can undo this.</source>
            <translation>Dieses Technologiefeld löschen? Es wird bei allen Personen, Organisationen und Netzwerken entfernt. Das lässt sich rückgängig machen.</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="46" />
            <source>Search names, organisations, emails, phone numbers … (Ctrl+F)</source>
            <translation>Namen, Organisationen, E-Mails, Telefonnummern suchen … (Strg+F)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="54" />
            <source>All networks</source>
            <translation>Alle Netzwerke</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="55" />
            <source>All organisations</source>
            <translation>Alle Organisationen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="56" />
            <source>All technology fields</source>
            <translation>Alle Technologiefelder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="57" />
            <source>All lists</source>
            <translation>Alle Verteiler</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="58" />
            <source>All events</source>
            <translation>Alle Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/search_bar.py" line="76" />
            <source>Reset filters</source>
            <translation>Filter zurücksetzen</translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/search_bar.py" line="145" />
            <source>%n hit(s)</source>
            <translation>
                <numerusform>%n Treffer</numerusform>
                <numerusform>%n Treffer</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/search_bar.py" line="146" />
            <source>more than %n hits</source>
            <translation>
                <numerusform>mehr als %n Treffer</numerusform>
                <numerusform>mehr als %n Treffer</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SectionList</name>
        <message>
            <location filename="../../defence_dir/ui/window/section_list.py" line="27" />
            <source>Overview</source>
            <translation>Übersicht</translation>
        </message>
    </context>
    <context>
        <name>Sections</name>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="28" />
            <source>Persons</source>
            <translation>Personen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="35" />
            <source>Organisations</source>
            <translation>Organisationen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="40" />
            <source>Networks</source>
            <translation>Netzwerke</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="44" />
            <source>Technology fields</source>
            <translation>Technologiefelder</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="47" />
            <source>Events</source>
            <translation>Veranstaltungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/sections.py" line="53" />
            <source>Distribution lists</source>
            <translation>Verteiler</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../defence_dir/ui/common/settings_dialog.py" line="22" />
            <source>Settings</source>
            <translation>Einstellungen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/common/settings_dialog.py" line="25" />
            <source>As the system</source>
            <translation>Wie das System</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/common/settings_dialog.py" line="30" />
            <source>A new language applies the next time defence-dir starts.</source>
            <translation>Eine neue Sprache gilt ab dem nächsten Start von defence-dir.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/common/settings_dialog.py" line="33" />
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
    </context>
    <context>
        <name>SimilarRows</name>
        <message>
            <location filename="../../defence_dir/ui/duplicates/similar_rows.py" line="41" />
            <source>Compare with the existing person…</source>
            <translation>Mit der vorhandenen Person vergleichen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/similar_rows.py" line="43" />
            <source>Show the selected row beside the person already in the directory</source>
            <translation>Die gewählte Zeile neben der Person zeigen, die schon im Verzeichnis ist</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/similar_rows.py" line="76" />
            <source>possibly the same person as {name}</source>
            <translation>möglicherweise dieselbe Person wie {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/similar_rows.py" line="98" />
            <location filename="../../defence_dir/ui/duplicates/similar_rows.py" line="101" />
            <source>Not shown</source>
            <translation>Nicht angezeigt</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/duplicates/similar_rows.py" line="102" />
            <source>This person no longer exists.</source>
            <translation>Diese Person gibt es nicht mehr.</translation>
        </message>
    </context>
    <context>
        <name>SpreadsheetWizard</name>
        <message>
            <location filename="../../defence_dir/ui/imports/spreadsheet_wizard.py" line="39" />
            <source>Import a spreadsheet</source>
            <translation>Tabelle importieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/spreadsheet_wizard.py" line="57" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/spreadsheet_wizard.py" line="77" />
            <source>{name} has changed since it was read; please open it again.</source>
            <translation>{name} wurde geändert, seit es gelesen wurde; bitte öffnen Sie die Datei erneut.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/spreadsheet_wizard.py" line="124" />
            <source>Cancelling …</source>
            <translation>Wird abgebrochen …</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/spreadsheet_wizard.py" line="142" />
            <source>Import done: {created} new, {updated} updated.</source>
            <translation>Import fertig: {created} neu, {updated} ergänzt.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/spreadsheet_wizard.py" line="145" />
            <source>Not added again (unsubscribed): {names}</source>
            <translation>Nicht wieder aufgenommen (abgemeldet): {names}</translation>
        </message>
    </context>
    <context>
        <name>StepNames</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="48" />
            <source>Merge %n person(s)</source>
            <translation>
                <numerusform>%n Person zusammenführen</numerusform>
                <numerusform>%n Personen zusammenführen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/duplicates/undo_commands.py" line="51" />
            <source>Merge %n group(s)</source>
            <translation>
                <numerusform>%n Gruppe zusammenführen</numerusform>
                <numerusform>%n Gruppen zusammenführen</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TargetChoice</name>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="47" />
            <source>Import into</source>
            <translation>Importieren in</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="49" />
            <source>Directory only</source>
            <translation>Nur ins Verzeichnis</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="50" />
            <source>Also to the distribution list</source>
            <translation>Auch in den Verteiler</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="51" />
            <source>Also as attendees of the event</source>
            <translation>Auch als Teilnehmende der Veranstaltung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="63" />
            <source>Status for rows without a known one</source>
            <translation>Status für Zeilen ohne bekannten Status</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="103" />
            <source>Into the directory and the distribution list “{name}”.</source>
            <translation>In das Verzeichnis und den Verteiler „{name}“.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="106" />
            <source>Into the directory and as attendees of “{name}”.</source>
            <translation>In das Verzeichnis und als Teilnehmende von „{name}“.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/imports/mapping_page.py" line="108" />
            <source>Into the directory only.</source>
            <translation>Nur in das Verzeichnis.</translation>
        </message>
    </context>
    <context>
        <name>TeamSettingsDialog</name>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="62" />
            <source>Team database</source>
            <translation>Teamdatenbank</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="79" />
            <source>Keep the password in the system keyring</source>
            <translation>Passwort im Schlüsselbund des Systems aufbewahren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="83" />
            <source>Open the team database when defence-dir starts</source>
            <translation>Teamdatenbank beim Start von defence-dir öffnen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="101" />
            <source>stored in the system keyring</source>
            <translation>im Schlüsselbund des Systems gespeichert</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="104" />
            <source>Address</source>
            <translation>Adresse</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="105" />
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="106" />
            <source>Password</source>
            <translation>Passwort</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="109" />
            <source>&amp;Test connection</source>
            <translation>Verbindung &amp;testen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="112" />
            <source>&amp;Connect now</source>
            <translation>Jetzt &amp;verbinden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="114" />
            <source>Open the team database in this window</source>
            <translation>Die Teamdatenbank in diesem Fenster öffnen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="135" />
            <source>Open now: team database {name}</source>
            <translation>Geöffnet: Teamdatenbank {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="136" />
            <source>Open now: local directory {path}</source>
            <translation>Geöffnet: lokales Verzeichnis {path}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="178" />
            <source>Testing the connection…</source>
            <translation>Verbindung wird getestet…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_settings_dialog.py" line="194" />
            <source>Connecting…</source>
            <translation>Wird verbunden…</translation>
        </message>
    </context>
    <context>
        <name>TeamStart</name>
        <message>
            <location filename="../../defence_dir/ui/team/team_start.py" line="22" />
            <source>Cannot open the team database</source>
            <translation>Die Teamdatenbank kann nicht geöffnet werden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_start.py" line="23" />
            <source>{reason}

The local directory is opened instead.</source>
            <translation>{reason}

Stattdessen wird das lokale Verzeichnis geöffnet.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_start.py" line="30" />
            <source>Password for the team database {name}:</source>
            <translation>Passwort für die Teamdatenbank {name}:</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_start.py" line="34" />
            <location filename="../../defence_dir/ui/team/team_start.py" line="72" />
            <source>Team database</source>
            <translation>Teamdatenbank</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_start.py" line="68" />
            <source>Connecting to the team database {name}…</source>
            <translation>Verbindung zur Teamdatenbank {name} wird hergestellt…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/team/team_start.py" line="70" />
            <source>Open the local directory</source>
            <translation>Lokales Verzeichnis öffnen</translation>
        </message>
    </context>
    <context>
        <name>TopicDialog</name>
        <message>
            <location filename="../../defence_dir/ui/records/organisation_dialog.py" line="104" />
            <source>A technology field needs a name.</source>
            <translation>Ein Technologiefeld braucht einen Namen.</translation>
        </message>
    </context>
    <context>
        <name>VcardActions</name>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="32" />
            <source>%n address(es) copied</source>
            <translation>
                <numerusform>%n Adresse kopiert</numerusform>
                <numerusform>%n Adressen kopiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="39" />
            <source>%n card(s) copied</source>
            <translation>
                <numerusform>%n Karte kopiert</numerusform>
                <numerusform>%n Karten kopiert</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="55" />
            <source>Selected persons (%n)</source>
            <translation>
                <numerusform>Ausgewählte Person (%n)</numerusform>
                <numerusform>Ausgewählte Personen (%n)</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="58" />
            <source>The current search result</source>
            <translation>Das aktuelle Suchergebnis</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/vcard_actions.py" line="60" />
            <source>Everybody in the directory</source>
            <translation>Alle Personen im Verzeichnis</translation>
        </message>
    </context>
    <context>
        <name>WalkInDialog</name>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="33" />
            <source>Walk-in</source>
            <translation>Gast ohne Anmeldung</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="37" />
            <source>e.g. Dr.</source>
            <translation>z. B. Dr.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="59" />
            <source>Academic title</source>
            <translation>Akademischer Titel</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="60" />
            <source>Given name</source>
            <translation>Vorname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="61" />
            <source>Family name</source>
            <translation>Nachname</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="62" />
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="63" />
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="64" />
            <source>Phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="66" />
            <source>Distribution list (optional)</source>
            <translation>Verteiler (optional)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="69" />
            <source>(none)</source>
            <translation>(keiner)</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="72" />
            <source>The person agrees to receive this list</source>
            <translation>Die Person willigt ein, diesen Verteiler zu erhalten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="76" />
            <source>How, e.g. “asked at the door, said yes”</source>
            <translation>Wie, z. B. „am Einlass gefragt, zugestimmt“</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="78" />
            <source>List</source>
            <translation>Verteiler</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="80" />
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="89" />
            <source>Add and check in</source>
            <translation>Aufnehmen und einlassen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="122" />
            <source>Organisation (walk-in): {name}</source>
            <translation>Organisation (beim Einlass genannt): {name}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/eventday/walk_in_dialog.py" line="139" />
            <source>Tick the consent, or choose no list: nobody is added to a list without it.</source>
            <translation>Bitte die Einwilligung ankreuzen oder keinen Verteiler wählen: Ohne Einwilligung wird niemand aufgenommen.</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="23" />
            <location filename="../../defence_dir/ui/window/window_actions.py" line="68" />
            <source>&amp;New…</source>
            <translation>&amp;Neu…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="24" />
            <source>&amp;Edit…</source>
            <translation>&amp;Bearbeiten…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="25" />
            <source>&amp;Delete</source>
            <translation>&amp;Löschen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="26" />
            <source>&amp;Undo</source>
            <translation>&amp;Rückgängig</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="28" />
            <source>&amp;Redo</source>
            <translation>&amp;Wiederholen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="30" />
            <source>&amp;Find</source>
            <translation>&amp;Suchen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="31" />
            <source>Find &amp;duplicates…</source>
            <translation>&amp;Duplikate finden…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="32" />
            <source>Re&amp;load</source>
            <translation>&amp;Neu laden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="33" />
            <source>&amp;Back</source>
            <translation>&amp;Zurück</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="34" />
            <source>&amp;Forward</source>
            <translation>&amp;Vor</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="35" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="36" />
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="37" />
            <source>&amp;Team database…</source>
            <translation>&amp;Teamdatenbank…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="38" />
            <source>&amp;About defence-dir</source>
            <translation>Ü&amp;ber defence-dir</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="39" />
            <source>Copy email addresses</source>
            <translation>E-Mail-Adressen kopieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="40" />
            <source>&amp;Export vCards…</source>
            <translation>vCards &amp;exportieren…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="41" />
            <source>&amp;Import vCards…</source>
            <translation>vCards &amp;importieren…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="42" />
            <source>Import a &amp;spreadsheet…</source>
            <translation>&amp;Tabelle importieren…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="44" />
            <source>Imports…</source>
            <translation>Importe…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="45" />
            <source>Copy as vCard</source>
            <translation>Als vCard kopieren</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="47" />
            <source>Show QR code…</source>
            <translation>QR-Code zeigen…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="48" />
            <source>&amp;Overview</source>
            <translation>Ü&amp;bersicht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="63" />
            <source>&amp;New person…</source>
            <translation>&amp;Neue Person…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="64" />
            <source>&amp;New organisation…</source>
            <translation>&amp;Neue Organisation…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="65" />
            <source>&amp;New technology field…</source>
            <translation>&amp;Neues Technologiefeld…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="66" />
            <source>&amp;New event…</source>
            <translation>&amp;Neue Veranstaltung…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="67" />
            <source>&amp;New distribution list…</source>
            <translation>&amp;Neuer Verteiler…</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="73" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="77" />
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="81" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="85" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_actions.py" line="87" />
            <source>Main toolbar</source>
            <translation>Werkzeugleiste</translation>
        </message>
    </context>
    <context>
        <name>WindowDialogs</name>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="32" />
            <source>Changed elsewhere</source>
            <translation>Anderswo geändert</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="34" />
            <source>Save your version anyway (the other change is lost), or discard yours and show the current one?</source>
            <translation>Ihre Fassung trotzdem speichern (die andere Änderung geht verloren) oder Ihre verwerfen und die aktuelle anzeigen?</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="36" />
            <source>Save mine</source>
            <translation>Meine speichern</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="37" />
            <source>Show current</source>
            <translation>Aktuelle anzeigen</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="61" />
            <source>The directory of the DEFENCE.NRW networks: networks, organisations, contact persons, technology fields, events and distribution lists.</source>
            <translation>Das Verzeichnis der Netzwerke von DEFENCE.NRW: Netzwerke, Organisationen, Ansprechpartner, Technologiefelder, Veranstaltungen und Verteiler.</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="63" />
            <source>Database: {location}</source>
            <translation>Datenbank: {location}</translation>
        </message>
        <message>
            <location filename="../../defence_dir/ui/window/window_dialogs.py" line="66" />
            <source>About defence-dir</source>
            <translation>Über defence-dir</translation>
        </message>
    </context>
    <context>
        <name>_ContactRows</name>
        <message>
            <location filename="../../defence_dir/ui/records/person_dialog.py" line="136" />
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
    </context>
</TS>
