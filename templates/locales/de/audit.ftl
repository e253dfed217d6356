# Das Protokoll und der Verlauf auf der Seite einer Person (templates/audit/, src/views/audit_words).
# Die Sätze stehen im Präteritum mit nicht trennbaren Verben, damit das Verb vor dem Datensatz
# stehen kann; Feldnamen stehen wie Spaltenüberschriften nach einem Doppelpunkt.
audit-title = Protokoll
audit-intro = Jedes Anlegen, Ändern und Löschen, geschrieben in derselben Transaktion wie die Änderung. Einträge werden nie geändert oder gelöscht.
audit-filter-record = Datensatz
audit-filter-any = Alle
audit-filter-record-id = Datensatz-ID
audit-filter-who = Wer
audit-filter-from = Von
audit-filter-to = Bis
audit-filter = Filtern
audit-none = Keine passenden Einträge.
audit-when = Zeitpunkt
audit-what-happened = Was geschah
audit-not-a-table = „{ $value }“ ist keine Tabelle, die das Protokoll erfasst.
audit-not-a-record-id = „{ $value }“ ist keine Datensatz-ID.
audit-bad-from = „Von“: { $error }
audit-bad-to = „Bis“: { $error }
audit-table-company = Unternehmen
audit-table-person = Personen
audit-table-pay-report = Gehaltsangaben
audit-table-exchange-rate = Wechselkurse
audit-table-import-batch = Importe
audit-table-app-user = Benutzer
audit-table-pay-band = Gehaltsbänder
audit-table-pay-decision = Entscheidungen über Angebote

## Wie ein Satz seine Teile verbindet: „Anna änderte Bob: Phase von Recherchiert auf Angebot“.
audit-field-of = {""}
audit-from-to = : { $field } von { $before } auf { $after }
audit-with = : { $field } { $after }
audit-item-from-to = {" "}von { $before } auf { $after }

## Wer
audit-actor-system = Das System
audit-actor-command-line = { $name } über die Kommandozeile

## Was getan wurde
audit-verb-merged = vereinigte { $name } (Person { $id }) mit
audit-verb-unmerged = widerrief die Zusammenführung von { $name } (Person { $id }) mit
audit-verb-batch-reverted = widerrief Import { $batch } für
audit-verb-batch-created = erstellte per Import { $batch }
audit-verb-batch-changed = änderte per Import { $batch }
audit-verb-attached = hinterlegte { $name } ({ $kind }) bei
audit-verb-file-removed = entfernte die Datei { $name } bei
audit-verb-file-changed = änderte die Datei { $name } bei
audit-verb-note-added = schrieb eine Notiz zu
audit-verb-note-deleted = löschte eine Notiz zu
audit-verb-applied = übernahm
audit-verb-reverted = widerrief
audit-verb-approved = genehmigte
audit-verb-rejected = versagte die Genehmigung für
audit-verb-decided = entschied über
audit-verb-created = erstellte
audit-verb-deleted = löschte
audit-verb-erased = löschte die personenbezogenen Daten von
audit-verb-deactivated = deaktivierte
audit-verb-reactivated = reaktivierte
audit-verb-password-set-by-link = setzte per Link ein neues Passwort für
audit-verb-password-link-made = erstellte einen Passwort-Link für
audit-verb-password-changed = änderte das Passwort von
audit-verb-marked-demo = kennzeichnete als Demodaten:
audit-verb-marked-real = kennzeichnete als echte Daten:
audit-verb-saved-unchanged = speicherte ohne sichtbare Änderungen
audit-verb-changed = änderte
audit-a-file = eine Datei
audit-file = Datei
audit-document-pdf = PDF
audit-document-docx = Word-Dokument
audit-document-png = PNG-Bild
audit-document-jpeg = JPEG-Bild

## Datensätze
audit-person-id = Person { $id }
audit-company-id = Unternehmen { $id }
audit-a-person = eine Person
audit-someones-pay-report = Gehaltsangabe einer Person
audit-pay-report-of = Gehaltsangabe von { $name }
audit-note-of = Notiz von { $name }
audit-file-of = Datei von { $name }
audit-user = Benutzer { $name }
audit-exchange-rate-of = Wechselkurs { $currency } vom { $day }
audit-exchange-rate-id = Wechselkurs { $id }
audit-import-batch = Import { $id }
audit-every-zone = alle Zonen
audit-zone = Zone { $zone }
audit-pay-band-of = Gehaltsband { $family } { $level } ({ $zone }) ab { $day }
audit-pay-band-id = Gehaltsband { $id }
audit-an-offer = ein Angebot
audit-offer-id = Angebot { $id }
audit-webhook-endpoint = Webhook-Endpunkt { $url }

## Werte
audit-none-value = (leer)
audit-yes = ja
audit-no = nein
audit-money = { $amount } { $currency }
audit-range = { $low } – { $high } { $currency }
audit-figures-band = { $range } (Mitte { $mid }) ab { $day }
audit-figures-no-band = kein Band
audit-figures = Angebot { $offer } zum { $as-of }, Grundgehalt { $base }, gegenüber dem Band { $band }

## Felder
audit-field-name = Name
audit-field-origin-company = Herkunftsunternehmen
audit-field-hiring-company = einstellendes Unternehmen
audit-field-first-contact = Erstkontakt
audit-field-offer-date = Angebotsdatum
audit-field-decision-date = Entscheidungsdatum
audit-field-start-date = Startdatum
audit-field-period-years = Jahre der Gesamtvergütung
audit-field-sign-on = Antrittsprämie
audit-field-as-of = Stichtag
audit-field-source = Quelle
audit-field-source-link = Link zur Quelle
audit-field-email = E-Mail
audit-field-active = Aktivstatus
audit-field-day = Tag
audit-field-company-kind = Art des Unternehmens
audit-field-text = Text
audit-field-report-kind = Art der Angabe
audit-field-other = Feld „{ $name }“
audit-field-stage = Phase
audit-field-title = Titel
audit-field-kind = Art
audit-field-currency = Währung
audit-field-band = Spanne
audit-field-base = Grundgehalt
audit-field-bonus = Bonus
audit-field-equity = Aktienanteil
audit-field-period = Zeitraum
audit-field-confidence = Verlässlichkeit
audit-field-notes = Notizen
audit-field-website = Website
audit-field-country = Land
audit-field-role = Rolle
audit-field-status = Status
audit-field-level = Stufe
audit-field-zone = Zone
audit-field-rate = Kurs
audit-field-decision = Entscheidung
audit-field-reason = Begründung
audit-field-created-count = Anzahl angelegt
audit-field-updated-count = Anzahl aktualisiert
audit-field-skipped-count = Anzahl übersprungen
audit-field-rows-total = Zeilen insgesamt
audit-field-imported-by = Importiert von
audit-field-language = Sprache
