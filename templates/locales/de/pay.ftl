# Gehaltsangaben, Gehaltsbänder und Wechselkurse: Seiten, Formulare und Zeilen.

## Gemeinsam
pay-keep-it = Behalten
pay-cancel = Abbrechen
pay-demo-badge = Demo
# $date: already written in the reader's format
pay-as-of = Stand { $date }

## Eine Gehaltsangabe
pay-delete-title = Gehaltsangabe löschen
pay-delete-question = Diese Gehaltsangabe für { $name } löschen?
pay-delete-button = Gehaltsangabe löschen
pay-midpoint-equivalent = Mittelwert { $midpoint } { $equivalent }
pay-form-title = Gehaltsangabe für { $name }
pay-edit-heading = Gehaltsangabe für { $name } bearbeiten
pay-new-heading = Neue Gehaltsangabe für { $name }
pay-legend-claim = Die Angabe
pay-field-kind = Art
pay-field-confidence = Verlässlichkeit
pay-field-as-of = Stand (Pflichtfeld)
pay-hint-as-of = Wann der Betrag galt oder genannt wurde
pay-legend-amount = Betrag
pay-field-currency = Währung (Pflichtfeld)
pay-hint-currency = ISO-4217-Code, z. B. EUR: eintippen oder auswählen
pay-range-toggle = Eine Spanne (von und bis)
pay-field-amount-low = Betrag oder Untergrenze einer Spanne (Pflichtfeld)
pay-hint-amount-low = Eine Zahl, z. B. 100.000.000 oder 1.234,56
pay-field-amount-high = Obergrenze, nur bei einer Spanne
pay-hint-amount-high = Leer bei einem einzelnen Betrag
pay-field-period = Zeitraum
pay-field-period-years = Jahre, die der Gesamtbetrag abdeckt
pay-hint-period-years = z. B. 4
pay-legend-components = Bestandteile (optional)
pay-component-base = Grundgehalt
pay-component-bonus = Bonus
pay-component-equity = Aktienanteile
pay-component-sign-on = Antrittsprämie
pay-legend-source = Quelle
pay-field-source-name = Name der Quelle
pay-hint-source-name = z. B. die Zeitung oder der Podcast
pay-field-source-url = Adresse der Quelle
pay-hint-source-url = https://…
pay-field-notes = Notizen
pay-save = Gehaltsangabe speichern
pay-per-year = pro Jahr
pay-total-over-years = gesamt über { $years } { $years ->
    [one] Jahr
   *[other] Jahre
  }
pay-equivalent = ≈ { $value } { $reporting } zum Kurs vom { $date }
pay-not-in-reporting = nicht in { $reporting }: kein Kurs am oder vor dem { $date }

## Gehaltsbänder
band-index-title = Gehaltsbänder
band-index-intro = Jährliches Grundgehalt (und Gesamtziel, falls festgelegt) je Jobfamilie, Stufe und Zone. Eine spätere Fassung löst eine frühere ab ihrem Stichtag ab; Angebote werden gegen die Fassung geprüft, die an ihrem Datum gilt.
band-new-title = Neues Gehaltsband
band-edit-title = Gehaltsband bearbeiten
band-download-csv = CSV herunterladen
band-import-csv = CSV importieren
band-job-family = Jobfamilie
band-level = Stufe
band-zone = Zone
band-hint-zone-filter = * für Bänder aller Zonen
band-filter = Filtern
band-clear = Zurücksetzen
band-none-match = Keine passenden Gehaltsbänder.
band-add-one = Neu anlegen
band-effective = Gültig ab
band-standing = Status
band-base-range = Grundgehalt min. / Mitte / max.
band-total-range = Gesamt min. / Mitte / max.
band-name-from = { $name } ab { $date }
band-edit = Bearbeiten
band-delete-link = Löschen…
band-effective-from = Gültig ab
band-annual-base-range = Jährliches Grundgehalt (min. / Mitte / max.)
band-annual-total-range = Jährliches Gesamtziel (min. / Mitte / max.)
band-market = Markt
band-market-of = { $of }, jeweils der zuletzt berichtete oder vereinbarte Betrag jeder Person, auf ein Jahr gerechnet:
band-versions = Fassungen
band-delete-title = { $name } löschen
band-delete-question = { $name } ab { $date } löschen?
band-delete-blocked = Dieses Band kann nicht gelöscht werden: { $count ->
    [one] Ein Angebot wird
   *[other] { $count } Angebote werden
  } dagegen geprüft oder wurden darauf entschieden.
band-delete-instead = Legen Sie stattdessen eine spätere Fassung des Bandes an, oder ändern Sie zuerst diese Angebote.
band-back = Zurück zum Band
band-delete-explain = Diese Fassung des Bandes wird endgültig entfernt; Angebote aus ihrem Zeitraum werden dann gegen die vorherige Fassung geprüft, falls es eine gibt.
band-delete-button = Gehaltsband löschen
band-legend-which = Welches Band
band-field-job-family = Jobfamilie (Pflichtfeld)
band-hint-job-family = z. B. Research Scientist
band-field-level = Stufe (Pflichtfeld)
band-hint-level = z. B. L7
band-hint-zone = z. B. US oder EU; leer für jede Zone ohne eigenes Band
band-field-effective-on = Gültig ab (Pflichtfeld)
band-hint-effective-on = Eine spätere Fassung desselben Bandes löst diese ab ihrem Stichtag ab
band-hint-currency = ISO-4217-Code, z. B. EUR
band-legend-base = Jährliches Grundgehalt (Pflichtfeld)
band-minimum = Minimum
band-midpoint = Mittelwert
band-maximum = Maximum
band-hint-base-min = Eine Zahl, z. B. 200.000
band-legend-total = Jährliches Gesamtziel (optional, alle drei oder keiner)
band-save = Gehaltsband speichern
band-in-force = gültig
band-superseded = abgelöst
band-scheduled = ab { $date }
band-every-zone = alle Zonen
band-name = { $family } { $level } ({ $zone })

## Markt
band-market-spread = n = { $n }: P25 { $p25 }, Median { $median }, P75 { $p75 }
band-market-too-few = zu wenige vergleichbare Beträge ({ $n })
band-market-rank = der auf ein Jahr gerechnete Mittelwert dieses Angebots, { $value }, liegt auf Perzentilrang { $rank }
band-market-no-value = dieses Angebot hat keinen Wert in { $reporting } (kein Wechselkurs am oder vor seinem Datum)
band-market-of-family = { $family } { $level } in { $reporting }

## Wechselkurse
rate-index-title = Wechselkurse
rate-index-intro = Einheiten { $currency } (der Berichtswährung), die eine Einheit jeder Währung wert ist.
rate-index-convert = Berichte rechnen einen Gehaltsbetrag zum Kurs seines Stichtags um, oder zum nächstfrüheren.
rate-new-title = Neuer Wechselkurs
rate-currency = Währung
rate-none-yet = Noch keine Wechselkurse.
rate-none-for = Noch keine Wechselkurse für { $currency }.
rate-on = Am
rate-per-unit = Kurs ({ $currency } je Einheit)
rate-actions = Aktionen
rate-delete-link = Löschen
rate-delete-title = Wechselkurs löschen
rate-delete-question = Den { $currency }-Kurs vom { $date } löschen?
rate-delete-explain = Berichte verwenden dann den nächstfrüheren Kurs.
rate-delete-button = Wechselkurs löschen
rate-legend = Kurs
rate-hint-currency = ISO-4217-Code, z. B. EUR
rate-field-on = Am (Pflichtfeld)
rate-hint-on = Der Tag, ab dem der Kurs gilt
rate-field-rate = Kurs (Pflichtfeld)
rate-hint-rate = Einheiten der Berichtswährung, die eine Einheit wert ist
rate-reporting-currency = Berichtswährung: { $currency }.
rate-save = Wechselkurs speichern
rate-not-a-number = Bitte eine positive Zahl eingeben, z. B. 1,0845.
rate-too-long = Höchstens { $digits } Stellen vor und nach dem Komma.
rate-not-positive = Ein Kurs muss größer als null sein.

## Kurze Beträge für Zusammenfassungen (CLDR: „1,2 Mio. €“)
pay-compact-symbol = { $sign }{ $number }{ $unit } { $symbol }
pay-compact-code = { $sign }{ $number }{ $unit } { $currency }
pay-compact-thousand = { " " }Tsd.
pay-compact-million = { " " }Mio.
pay-compact-billion = { " " }Mrd.
pay-compact-trillion = { " " }Bio.

## Meldungen
pay-saved = Die Gehaltsangabe für { $name } wurde gespeichert.
pay-warning = Hinweis: { $warning }
pay-deleted = Die Gehaltsangabe wurde gelöscht.
band-saved = Das Gehaltsband { $name } wurde gespeichert.
band-deleted = Das Gehaltsband { $name } wurde gelöscht.
rate-is-reporting = { $currency } ist die Berichtswährung: Sie braucht keinen Kurs.
rate-saved = Der { $currency }-Kurs vom { $date } wurde gespeichert.
rate-exists = Für den { $date } gibt es bereits einen { $currency }-Kurs.
rate-too-large = Bei diesem Kurs wäre eine { $currency }-Gehaltsangabe ab dem { $date } mehr als { $largest } { $reporting } wert, mehr als Berichte fassen können. Bitte prüfen Sie den Kurs: wie viele { $reporting } ein { $currency } wert ist.
rate-needed = Ohne diesen Kurs würden { $currency }-Gehaltsangaben ab dem { $date } mit einem früheren Kurs umgerechnet und wären mehr als { $largest } { $reporting } wert, mehr als Berichte fassen können. Korrigieren Sie zuerst den früheren Kurs.
rate-deleted = Der { $currency }-Kurs vom { $date } wurde gelöscht.

## Feldfehler
pay-not-a-currency = Kein ISO-4217-Währungscode (zum Beispiel EUR, USD, GBP).
pay-years-range = Eine ganze Zahl von Jahren zwischen 1 und 20.
pay-too-large = Zum { $currency }-Kurs vom { $date } umgerechnet ergibt das mehr als { $largest } in der Berichtswährung, mehr als Berichte fassen können. Bitte prüfen Sie Beträge, Währung und Zeitraum.
band-version-taken = Für dieses Band gibt es bereits eine Fassung ab dem { $date }: Bitte bearbeiten Sie diese.
