# CSV-Dateien importieren: Hochladen, Vorschau, Importe (templates/imports/).
import-title = CSV importieren
import-explain-1 = Laden Sie eine CSV-Datei mit
import-explain-companies = Unternehmen
import-explain-2 = (Spalten
import-explain-3 = , optional
import-explain-4 = ) oder mit
import-explain-people = Personen
import-explain-5 = und die übrigen Personenspalten), optional mit einer Gehaltsangabe je Zeile
import-explain-and = und
import-explain-6 = oder mit
import-explain-bands = Gehaltsbändern
import-explain-7 = die optionalen
import-explain-8 = -Spalten und
import-explain-9 = ; für Vergütungsverantwortliche und Administratoren) hoch: die Dateien, die die Schaltflächen „CSV herunterladen“ erzeugen. Sie sehen zuerst eine Vorschau; gespeichert wird erst, wenn Sie bestätigen.
import-file-rules = UTF-8, mit oder ohne Byte-Order-Mark; Kommas oder Semikolons; Spalten in beliebiger Reihenfolge. Höchstens { $limit } MiB.
import-templates = Vorlagen mit allen Spalten und einer Beispielzeile (ersetzen Sie sie durch Ihre eigenen):
import-template-people = Personen mit Gehaltsangaben
import-for-excel = für Excel
import-for-excel-de = für deutsches Excel
import-for-excel-de-labels = für deutsches Excel, mit Spaltenbeschriftungen
import-template-companies = Unternehmen
import-csv-file = CSV-Datei
import-preview = Import-Vorschau anzeigen
import-earlier = Frühere Importe
import-too-large = Die Datei ist größer als die Importgrenze von { $limit } MiB.
import-choose-file = Wählen Sie eine CSV-Datei zum Hochladen aus.
import-file-gone = Die Datei dieser Vorschau ist nicht mehr vorhanden: Sie nannte eine Person, deren personenbezogene Daten inzwischen gelöscht wurden. Entfernen Sie die Person aus der Datei und laden Sie sie erneut hoch.
import-imported = { $skipped ->
    [0] Importiert: { $summary }.
    [one] Importiert: { $summary }; { $skipped } fehlerhafte Zeile übersprungen.
   *[other] Importiert: { $summary }; { $skipped } fehlerhafte Zeilen übersprungen.
    }

## Die Vorschau
import-preview-title = Import-Vorschau
import-back = Import
import-preview-of = Vorschau von { $file }
import-file-of = Inhalt der Datei: { $kind }; { $summary }.
import-kind-people = Personen
import-kind-companies = Unternehmen
import-kind-pay-bands = Gehaltsbänder
import-errors-on-rows = Die Datei enthält { $count ->
    [one] { $count } Fehler
   *[other] { $count } Fehler
    } in { $rows ->
    [one] { $rows } Zeile
   *[other] { $rows } Zeilen
    }. Korrigieren Sie sie und laden Sie die Datei erneut hoch{ $skippable ->
    [true] {""} oder importieren Sie jetzt die gültigen Zeilen und überspringen Sie diese
   *[other] {""}
    }.
import-skip-errors = Gültige Zeilen importieren, { $rows } überspringen
import-download-skipped = Fehlerhafte Zeilen herunterladen (CSV)
import-skipped-explain-1 = Der Download enthält die übersprungenen Zeilen so, wie die Datei sie hat, mit ihren Fehlern in einer letzten Spalte (
import-skipped-explain-2 = , die der Import ignoriert): Korrigieren Sie sie und importieren Sie diese Datei.
import-errors = Fehler
import-line = Zeile
import-row-of = Zeile von
import-column = Spalte
import-value = Wert
import-problem = Problem
import-quoted = „{ $value }“
import-more-errors = … und { $count } weitere Fehler.
import-already-there = Schon im Tracker?
import-may-be-duplicates = { $count ->
    [one] { $count } neue Person ist möglicherweise schon vorhanden: Prüfen Sie dies vor dem Import. Der Import legt sie trotzdem an.
   *[other] { $count } neue Personen sind möglicherweise schon vorhanden: Prüfen Sie diese vor dem Import. Der Import legt sie trotzdem an.
    }
import-duplicate-line = Zeile { $line }, { $name }:
import-duplicate-same-name-origin-source = derselbe Name, dasselbe Herkunftsunternehmen und eine gemeinsame Gehaltsquelle
import-duplicate-same-name-origin = derselbe Name und dasselbe Herkunftsunternehmen
import-duplicate-same-name-source = derselbe Name und eine gemeinsame Gehaltsquelle
import-duplicate-similar-name-origin-source = ein sehr ähnlicher Name, dasselbe Herkunftsunternehmen und eine gemeinsame Gehaltsquelle
import-duplicate-similar-name-origin = ein sehr ähnlicher Name und dasselbe Herkunftsunternehmen
import-duplicate-similar-name-source = ein sehr ähnlicher Name und eine gemeinsame Gehaltsquelle
import-same-as-lines = { $count ->
    [one] derselbe Name und dasselbe Herkunftsunternehmen wie Zeile { $lines } dieser Datei
   *[other] derselbe Name und dasselbe Herkunftsunternehmen wie die Zeilen { $lines } dieser Datei
    }
import-more = … und { $count } weitere.
import-unchecked = Nur die ersten { $checked } neuen Personen wurden mit den vorhandenen abgeglichen; die übrigen { $count } nicht.
import-companies-to-create = Anzulegende Unternehmen
import-companies-to-create-explain = Die Datei nennt diese Unternehmen, die es noch nicht gibt; sie werden mit der Art „Sonstiges“ angelegt.
import-ignored-columns = Ignorierte Spalten (hier nicht bekannt):
import-confirm = { $count ->
    [one] { $count } Änderung importieren
   *[other] { $count } Änderungen importieren
    }
import-cancel = Abbrechen
import-upload-another = Andere Datei hochladen
import-rows = Zeilen
import-rows-explain = Ein bereits vorhandener Datensatz behält in jeder Spalte, die die Datei nicht enthält, seinen gespeicherten Wert; eine leere Zelle in einer Spalte der Datei leert dieses Feld.
import-record = Datensatz
import-what = Was
import-action = Aktion
import-changes = Änderungen
import-empty = (leer)
import-more-rows = … und { $count } weitere Zeilen.
import-action-create = anlegen
import-action-update = aktualisieren
import-action-skip = überspringen (unverändert)
import-record-company = Unternehmen
import-record-person = Person
import-record-pay-report = Gehaltsangabe
import-record-pay-band = Gehaltsband
import-matched-by-id = über die ID zugeordnet
import-matched-by-name = über Name und Herkunftsunternehmen zugeordnet
import-band-from = { $band } ab { $day }

## Was eine Datei bewirkt, je Art von Datensatz gezählt
import-tally-nothing = nichts
import-tally-part-new = { $count } neu
import-tally-part-updated = { $count } aktualisiert
import-tally-part-unchanged = { $count } unverändert
import-tally-mixed-people = { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
    }: { $parts }
import-tally-mixed-pay-reports = { $count ->
    [one] { $count } Gehaltsangabe
   *[other] { $count } Gehaltsangaben
    }: { $parts }
import-tally-mixed-companies = { $count } Unternehmen: { $parts }
import-tally-mixed-pay-bands = { $count ->
    [one] { $count } Gehaltsband
   *[other] { $count } Gehaltsbänder
    }: { $parts }
import-tally-new-people = { $count ->
    [one] { $count } neue Person
   *[other] { $count } neue Personen
    }
import-tally-updated-people = { $count ->
    [one] { $count } aktualisierte Person
   *[other] { $count } aktualisierte Personen
    }
import-tally-unchanged-people = { $count ->
    [one] { $count } unveränderte Person
   *[other] { $count } unveränderte Personen
    }
import-tally-new-pay-reports = { $count ->
    [one] { $count } neue Gehaltsangabe
   *[other] { $count } neue Gehaltsangaben
    }
import-tally-updated-pay-reports = { $count ->
    [one] { $count } aktualisierte Gehaltsangabe
   *[other] { $count } aktualisierte Gehaltsangaben
    }
import-tally-unchanged-pay-reports = { $count ->
    [one] { $count } unveränderte Gehaltsangabe
   *[other] { $count } unveränderte Gehaltsangaben
    }
import-tally-new-companies = { $count ->
    [one] { $count } neues Unternehmen
   *[other] { $count } neue Unternehmen
    }
import-tally-updated-companies = { $count ->
    [one] { $count } aktualisiertes Unternehmen
   *[other] { $count } aktualisierte Unternehmen
    }
import-tally-unchanged-companies = { $count ->
    [one] { $count } unverändertes Unternehmen
   *[other] { $count } unveränderte Unternehmen
    }
import-tally-new-pay-bands = { $count ->
    [one] { $count } neues Gehaltsband
   *[other] { $count } neue Gehaltsbänder
    }
import-tally-updated-pay-bands = { $count ->
    [one] { $count } aktualisiertes Gehaltsband
   *[other] { $count } aktualisierte Gehaltsbänder
    }
import-tally-unchanged-pay-bands = { $count ->
    [one] { $count } unverändertes Gehaltsband
   *[other] { $count } unveränderte Gehaltsbänder
    }

## Die Importe
import-batches-title = Importe
import-batches-none = Bisher wurde nichts importiert.
import-batch-file = Datei
import-batch-of = Inhalt
import-batch-by = Von
import-batch-when = Zeitpunkt
import-batch-created = Angelegt
import-batch-updated = Aktualisiert
import-batch-skipped = Übersprungen
import-batch-status = Status
import-batch-title = Import von { $file }
import-batch-file-of = Inhalt
import-batch-rows = Zeilen
import-batch-applied = Übernommen
import-batch-reverted = Zurückgenommen
import-batch-wrote = Was geschrieben wurde
import-batch-record = { $kind } { $action }:
import-record-created = angelegt
import-record-updated = aktualisiert
import-deleted-since = (inzwischen gelöscht)
import-batch-first = Die ersten { $count } Datensätze; die Zahlen oben umfassen alle.
import-revert-explain = Beim Zurücknehmen wird gelöscht, was dieser Import angelegt hat, und was er aktualisiert hat, erhält seine alten Werte zurück.
import-revert = Diesen Import zurücknehmen
import-keep = Behalten
import-revert-ask = Zurücknehmen…
import-reverted = Der Import wurde zurückgenommen.

## Warum eine Datei als Ganzes abgelehnt wird
import-file-empty = Die Datei ist leer.
import-file-not-utf8 = Die Datei ist kein UTF-8-Text (Zeile { $line } enthält ein Byte, das es nicht ist). Speichern Sie sie als „CSV UTF-8“ und laden Sie sie erneut hoch.
import-header-unreadable = Die Kopfzeile kann nicht gelesen werden: { $error }.
import-not-csv = Die Datei kann nicht als CSV gelesen werden: { $error }.
import-no-rows = Die Datei hat eine Kopfzeile, aber keine Zeilen.
import-column-twice = Die Spalte „{ $column }“ kommt in der Kopfzeile zweimal vor.
import-columns-missing = Pflichtspalten fehlen: { $columns }. Eine Unternehmensdatei braucht name und kind; eine Personendatei braucht full_name und stage, mit Gehaltsangaben außerdem kind, currency, amount_low, amount_high, period, as_of und confidence; eine Datei mit Gehaltsbändern braucht job_family, level, currency, base_min, base_mid, base_max und effective_on. Statt der Spaltennamen sind auch ihre Beschriftungen möglich (z. B. „Vollständiger Name“).
import-row-length = Diese Zeile hat { $fields } Felder; die Kopfzeile hat { $headers }.
