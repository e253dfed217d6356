# Die Personenseiten: die Liste (`people-`), eine Person mit ihren Formularen, Notizen und
# Dateien (`person-`) und die möglichen Dubletten (`duplicates-`).

## Die Liste
people-new = Neue Person
people-filters = Filter
people-filters-set = Filter ({ $count } gesetzt)
people-name-contains = Name enthält
people-origin-company = Bisheriges Unternehmen
people-hiring-company = Einstellendes Unternehmen
people-any = Alle
people-stage = Phase
people-any-stage = Alle Phasen
people-job-family = Jobfamilie
people-level = Stufe
people-zone = Zone
people-hired-from = Eingestellt ab
people-hired-to = Eingestellt bis
people-pay-kind = Art der Vergütungsangabe
people-pay-confidence = Verlässlichkeit der Vergütungsangabe
people-apply = Anwenden
people-clear = Zurücksetzen
people-also-only = Außerdem nur Personen:
people-filters-unusable = Diese Filter können nicht verwendet werden:
people-none-match = Keine Personen entsprechen diesen Filtern.
people-count = { $count ->
        [one] { $count } Person
       *[other] { $count } Personen
    }
people-count-about = Etwa { $count } Personen
people-count-why = (Schätzung der Datenbank: mehr als { $limit } genau zu zählen, würde länger dauern, als sie anzuzeigen)
people-count-more-than = Mehr als { $count } Personen
people-sort-by = Sortieren nach
people-sort-or = oder
people-sort-or-heading = , oder nach einer Spaltenüberschrift.
people-title = Titel
people-demo = Demo
people-page-capped = Dies ist Seite { $page }: Eine Seitenzahl über { $limit } lässt sich in einer so langen Liste nicht direkt aufrufen. Blättern Sie mit „Weiter“ oder grenzen Sie die Liste mit einer Suche oder einem Filter ein.
people-page = Seite { $page }
people-merges = Zusammenführungen
people-download-csv = CSV herunterladen
people-download-pay = Ihre Vergütungsangaben herunterladen (CSV)
people-import-csv = CSV importieren

## Was ein Filter aus dem Link eines Berichts behält (`carried_filters`)
people-carried-hired-from = eingestellt am oder nach dem { $value }
people-carried-hired-to = eingestellt am oder vor dem { $value }
people-carried-pay-kind = mit einer jüngsten Vergütungsangabe der Art „{ $value }“
people-carried-pay-confidence = mit einer jüngsten Vergütungsangabe der Verlässlichkeit „{ $value }“
people-carried-entered-from = erfasst am oder nach dem { $value }
people-carried-entered-to = erfasst am oder vor dem { $value }
people-carried-reached = Phase „{ $value }“ erreicht
people-carried-title = Titel „{ $value }“
people-carried-without = ohne erfasste Angabe: { $value }
people-carried-with-pay = mit einer Vergütungsangabe, die die Berichte zählen
people-carried-pay-from = Vergütungsangaben vom { $value } oder später
people-carried-pay-to = Vergütungsangaben vom { $value } oder früher

## Sortierungen der Liste (`PersonSort`)
person-sort-name = Name
person-sort-stage = Phase
person-sort-origin-company = Bisheriges Unternehmen
person-sort-hiring-company = Einstellendes Unternehmen
person-sort-start = Startdatum
person-sort-updated = Zuletzt geändert

## Eine Person
person-edit = Bearbeiten
person-add-pay = Vergütungsangabe hinzufügen
person-delete = Löschen…
person-erase = Löschen nach DSGVO…
person-stage = Phase
person-title = Titel
person-expertise = Fachgebiet
person-origin-company = Bisheriges Unternehmen
person-hiring-company = Einstellendes Unternehmen
person-job-family = Jobfamilie
person-level = Stufe
person-zone = Zone
person-range-disclosed = Gehaltsspanne mitgeteilt
person-team = Team
person-location = Standort
person-first-contact = Erstkontakt
person-offer = Angebot
person-decided = Entschieden
person-start = Eintritt
person-notes = Notizen
person-pay-reports = Vergütungsangaben
person-no-pay = Noch keine Vergütung erfasst.
person-add-a-pay-report = Vergütungsangabe hinzufügen
person-pay-kept = Jede Angabe bleibt erhalten, die neueste zuerst; widersprüchliche Angaben stehen nebeneinander.
person-pay-as-of = Stand
person-pay-kind = Art
person-pay-amount = Betrag oder Spanne
person-pay-period = Zeitraum
person-pay-midpoint = Jährlicher Mittelwert
person-pay-components = Bestandteile
person-pay-source = Quelle
person-pay-confidence = Verlässlichkeit
person-actions = Aktionen
person-pay-edit = Bearbeiten
person-pay-delete = Löschen
person-offers = Angebote im Vergleich zu den Gehaltsbändern
person-stage-history = Phasenverlauf
person-history-when = Wann
person-history-from = Von
person-history-to = Nach
person-history-entered = neu erfasst
person-change-history = Änderungsverlauf
person-no-changes = Keine Änderungen erfasst.
person-by = von { $name }

## Das Personenformular
person-edit-title = Person bearbeiten
person-edit-heading = { $name } bearbeiten
person-already-tracked = Schon erfasst?
person-different-person = Das ist eine andere Person: trotzdem speichern
person-legend-who = Wer
person-full-name-required = Vollständiger Name (Pflichtfeld)
person-expertise-hint = z. B. große Sprachmodelle
person-legend-companies = Woher, wohin
person-no-company = — keines —
person-company-missing = Fehlt ein Unternehmen in den Listen?
person-add-company-first = Legen Sie es zuerst an
person-legend-job = Stelle und Gehaltsband
person-job-family-hint = Wählen Sie eine Jobfamilie der Gehaltsbänder oder geben Sie eine neue ein; Groß- und Kleinschreibung zählt beim Abgleich nicht
person-level-hint = Wählen Sie eine Stufe der Gehaltsbänder oder geben Sie eine neue ein, z. B. L7
person-zone-hint = z. B. US oder EU; ohne Angabe gelten die Bänder aller Zonen
person-range-disclosed-on = Gehaltsspanne mitgeteilt am
person-range-disclosed-hint = Wann der Kandidat das Gehaltsband erfahren hat
person-offer-date = Angebotsdatum
person-decision-date = Entscheidungsdatum
person-decision-date-hint = Nicht vor dem Angebotsdatum
person-start-date = Eintrittsdatum
person-save = Person speichern
person-cancel = Abbrechen

## Löschen
person-delete-title = { $name } löschen
person-delete-heading = { $name } löschen?
person-delete-warning = Damit werden { $name } und der Phasenverlauf endgültig entfernt.
person-delete-warning-pay = Damit werden { $name }, der Phasenverlauf und { $count ->
        [one] die Vergütungsangabe
       *[other] die { $count } Vergütungsangaben
    } endgültig entfernt.
person-delete-button = Person löschen
person-keep-them = Behalten
person-erase-title = { $name } nach DSGVO löschen
person-erase-heading = Personenbezogene Daten von { $name } löschen?
person-erase-warning = Auf Wunsch der Person (DSGVO): Name, Titel, Fachgebiet, Team, Standort und Notizen werden entfernt, ebenso Quellen und Notizen ihrer Vergütungsangaben, hier und im Audit-Protokoll. Vergütungszahlen, Unternehmen, Phasen und Daten bleiben als anonyme Statistik erhalten. Notizen zur Person und angehängte Dateien werden gelöscht. Das Audit-Protokoll hält fest, dass eine Löschung stattgefunden hat. Dies kann nicht rückgängig gemacht werden.
person-erase-button = Personenbezogene Daten löschen
person-keep-it = Behalten

## Notizen
person-no-notes = Noch keine Notizen.
person-note-former-user = ein ehemaliger Benutzer
person-note-on = am { $at }
person-note-edited = (bearbeitet { $at })
person-note-edit = Bearbeiten
person-note-add-label = Notiz hinzufügen
person-note-hint = Mit Datum und Ihrem Namen versehen; Sie können sie 15 Minuten lang korrigieren, danach bleibt sie so stehen.
person-note-add = Notiz hinzufügen
person-note-add-on = Notiz zu { $name } hinzufügen
person-note-edit-on = Notiz zu { $name } bearbeiten
person-note = Notiz
person-note-save = Notiz speichern

## Dateien
person-files = Dateien
person-no-files = Keine Dateien angehängt.
person-file = Datei
person-file-kind = Art
person-file-size = Größe
person-file-attached = Angehängt
person-file-remove = Entfernen
person-file-attach-label = Datei anhängen
person-file-hint = Ein Lebenslauf oder ein anderes Dokument: PDF, Word (.docx), PNG oder JPEG.
person-file-attach = Anhängen
person-file-attach-to = Datei an { $name } anhängen
person-file-limit-hint = PDF, Word (.docx), PNG oder JPEG, höchstens { $limit }.
person-file-kind-pdf = PDF
person-file-kind-docx = Word-Dokument
person-file-kind-png = PNG-Bild
person-file-kind-jpeg = JPEG-Bild
person-file-kind-other = Datei
person-file-bytes = { $count } Byte
person-file-kb = { $size } KB
person-file-mb = { $size } MB

## Mögliche Dubletten
duplicates-title = Mögliche Dubletten
duplicates-merge = Zusammenführen…
duplicates-dismiss = Keine Dublette
duplicates-all-before = Alle{" "}
duplicates-all-link = möglichen Dubletten
duplicates-all-after = .
duplicates-intro = Paare von Personen mit demselben Namen, die ein bisheriges Unternehmen oder eine Vergütungsquelle teilen, die wahrscheinlichsten zuerst. Personen mit sehr ähnlichen, aber nicht gleichen Namen stehen nicht hier (sie für alle auf einmal zu suchen, würde jedes Speichern und jeden Import verlangsamen): Die Seite jeder Person zeigt die für sie gefundenen.
duplicates-none = Keine möglichen Dubletten: Niemand teilt einen Namen mit jemandem aus demselben Unternehmen oder mit gemeinsamer Vergütungsquelle.
duplicates-no-more = Keine weiteren Paare.
duplicates-back-to-first = Zurück zur ersten Seite
duplicates-count = { $count ->
        [one] { $count } Paar
       *[other] { $count } Paare
    }.
duplicates-count-more-than = Mehr als { $count } Paare.
duplicates-person = Person
duplicates-same-as = Möglicherweise dieselbe wie
duplicates-why = Grund
duplicates-from = von
duplicates-hiring = zu
duplicates-side-facts = { $count ->
        [one] { $count } Vergütungsangabe
       *[other] { $count } Vergütungsangaben
    } · erfasst am { $added }
duplicates-first-page = ← Erste Seite
duplicates-why-same-name = gleicher Name
duplicates-why-same-origin = gleiches bisheriges Unternehmen
duplicates-why-shared-source = gemeinsame Vergütungsquelle
duplicates-reason = { $name } und { $shared }
duplicates-same-name = derselbe Name
duplicates-similar-name = ein sehr ähnlicher Name
duplicates-shared-origin-and-source = dasselbe bisherige Unternehmen und eine gemeinsame Vergütungsquelle
duplicates-shared-origin = dasselbe bisherige Unternehmen
duplicates-shared-source = eine gemeinsame Vergütungsquelle

## Meldungen und Ablehnungen
person-saved = { $name } gespeichert.
person-deleted = { $name } und die zugehörigen Vergütungsangaben gelöscht.
person-erased = Gelöscht: Die personenbezogenen Daten sind entfernt; die Vergütungszahlen bleiben als anonyme Statistik erhalten.
person-merged-here = Person { $id } wurde in diesen Datensatz zusammengeführt, der nun ihr Datensatz ist.
person-file-attached-flash = { $name } angehängt.
person-file-removed-flash = { $name } entfernt.
person-file-too-large = Diese Datei ist größer als { $limit }, die zulässige Höchstgröße.
person-file-missing = Wählen Sie eine Datei zum Anhängen aus.
person-file-refused-kind = Diese Datei ist kein PDF, kein Word-Dokument (.docx) und kein PNG- oder JPEG-Bild: Nur solche Dateien können angehängt werden.
person-note-added = Notiz hinzugefügt.
person-note-saved = Notiz gespeichert.
person-note-stale = Diese Notiz wurde inzwischen in einem anderen Fenster gespeichert und lautet jetzt: „{ $body }“. Speichern Sie erneut, um sie durch Ihren Text zu ersetzen.
person-note-closed = Nur die Verfasserin oder der Verfasser kann eine Notiz ändern, und nur in den ersten 15 Minuten nach dem Schreiben: Fügen Sie stattdessen eine neue Notiz hinzu.
duplicates-kept-apart = { $left } und { $right } werden getrennt gehalten: Sie werden nicht erneut als Dubletten vorgeschlagen, es sei denn, Name oder bisheriges Unternehmen einer der beiden Personen ändert sich.

## Filter aus einem Link, abgelehnt
people-filter-without = „without={ $odd }“ ist kein Filter: Verwenden Sie { $names }.
people-filter-with-pay = „with_pay={ $other }“ ist kein Filter: Verwenden Sie with_pay=yes.
people-filter-choice = „{ $what }={ $name }“ ist kein Filter: Wählen Sie einen der Werte { $names }.
people-filter-not-a-date = „{ $name }“ ({ $raw }) ist kein gültiges Datum: bitte TT.MM.JJJJ oder JJJJ-MM-TT.
people-filter-date-problem = „{ $name }“ ({ $raw }): { $problem }
people-filter-dates-reversed = „{ $from-name }“ ({ $from }) liegt nach „{ $to-name }“ ({ $to }).
people-not-a-page-number = „{ $typed }“ ist keine Seitenzahl.
people-not-a-person-id = „{ $typed }“ ist keine Personen-ID.
people-no-such-company = Es gibt kein Unternehmen namens „{ $name }“.
person-no-such-company = Es gibt kein Unternehmen namens „{ $name }“. Legen Sie es zuerst unter „Unternehmen“ an.
