# Berichte: ihre Übersicht, die gemeinsame Berichtsseite, Filter, Tabellen und Diagramme.

## Übersicht
report-index-title = Berichte
report-money-in = Geldbeträge in Berichten sind in { $currency } angegeben, umgerechnet mit den
report-money-rates-link = Wechselkursen
report-index-intro = Jeder Bericht lässt sich nach Zeitraum und Unternehmen filtern, mit seinen Filtern als Lesezeichen speichern und als CSV herunterladen.
report-talent-flow-title = Talentfluss
report-talent-flow-summary = Einstellungen von jedem Herkunfts- zu jedem einstellenden Unternehmen, mit Median- und Gesamtgehalt.
report-compensation-title = Vergütung
report-compensation-summary = Die Gehaltsspanne je Herkunftsunternehmen, einstellendem Unternehmen, Titel, Art oder Verlässlichkeit.
report-pipeline-title = Pipeline
report-pipeline-summary = Der Trichter nach Phase, die Übergangsquote zur nächsten Phase und die mittlere Verweildauer in Tagen.
report-offers-title = Angebote im Vergleich zu Gehaltsbändern
report-offers-summary = Compa-Ratio und Bandposition jedes Angebots in seinem Band, und seine Freigabe.
report-transparency-title = EU-Entgelttransparenz
report-transparency-summary = Kandidatinnen und Kandidaten in der EU, die Vorstellungsgespräche erreichten, bevor ihnen die Gehaltsspanne genannt wurde.
report-timeline-title = Einstellungsverlauf
report-timeline-summary = Einstellungen je Monat oder Quartal und die kumulierte zugesagte Jahresvergütung.

## Seite eines Berichts
report-from = Von
report-to = Bis
report-origin-company = Herkunftsunternehmen
report-hiring-company = Einstellendes Unternehmen
report-any = Alle
report-apply = Anwenden
report-clear = Zurücksetzen
report-filter-problems = Diese Filter sind nicht verwendbar:
report-download-csv = CSV herunterladen
report-chart-caption = { $title }: die Zahlen hinter dem Diagramm
report-rows-shown = Die ersten { $shown } Zeilen werden angezeigt; { $more } weitere stehen in der
report-csv = CSV-Datei
report-left-out = { $count } { $count ->
    [one] Betrag
   *[other] Beträge
  } nicht berücksichtigt: kein Wechselkurs
report-left-out-why = Für diese Beträge ist am oder vor ihrem Stichtag kein Kurs bekannt.
report-add-rate = Kurs anlegen
report-add-rate-after = , um sie einzubeziehen.
report-and-more = und { $count } weitere.

## Filter
report-field-from = Von
report-field-to = Bis
report-filter-not-a-date = „{ $name }“ ist kein gültiges Datum: bitte TT.MM.JJJJ oder JJJJ-MM-TT, z. B. { $example }.
report-filter-out-of-range = „{ $name }“: { $why }
report-filter-from-after-to = „Von“ ({ $from }) liegt nach „Bis“ ({ $to }).
report-filter-group-by = Berichte lassen sich nicht nach „{ $name }“ gruppieren: bitte origin_company, hiring_company, title, kind oder confidence wählen.
report-filter-interval = „{ $name }“ ist kein Intervall: bitte month oder quarter wählen.
report-filter-scale = „{ $name }“ ist keine Skala: bitte linear oder log wählen.
report-filter-no-choice = Es gibt keine { $what } „{ $name }“: bitte eine davon wählen: { $names }.
report-what-kind = Art von Gehaltsangabe
report-what-confidence = Verlässlichkeit
report-no-company = Es gibt kein Unternehmen namens „{ $name }“.
report-no-status = Es gibt keinen Freigabestatus „{ $name }“.
report-approval = Freigabe

## Was jeder Bericht zählt
report-explain-pay = Gehalt ist der jeweils letzte Betrag jeder Person nach Stichtag, auf ein Jahr gerechnet (ein Gesamtbetrag geteilt durch seine Jahre), in der Mitte seiner Spanne, umgerechnet in { $currency } zum Kurs seines Stichtags oder dem nächstfrüheren.
report-explain-hired = Eine Einstellung zählt an ihrem Entscheidungsdatum, sonst an ihrem Eintrittsdatum, sonst an dem Tag, an dem die Person auf „Eingestellt“ gesetzt wurde.
report-explain-talent-flow = Eingestellte Personen von jedem Herkunfts- zu jedem einstellenden Unternehmen. { $hired } { $pay }
report-explain-compensation = Die Spanne der auf ein Jahr gerechneten Gehaltsmittelwerte je Gruppe, Perzentile linear interpoliert. Eine Person zählt einmal je Gruppe, mit ihrem letzten Betrag darin. Die Daten filtern die Stichtage der Beträge. { $pay }
report-explain-pipeline = Wie viele Personen jede Phase erreicht haben (wer eine Phase übersprungen hat, hat sie durchlaufen), wie viele sich jetzt darin befinden, der Anteil, der in die nächste Phase kam, und die mittlere Verweildauer in Tagen je Phase laut Phasenverlauf. Die Daten filtern den Tag, an dem Personen in den Tracker aufgenommen wurden.
report-explain-timeline = Einstellungen je Zeitraum und die zugesagte Jahresvergütung, über die Zeit aufsummiert. { $hired } { $pay }
report-explain-offers = Jedes Angebot, geprüft gegen das Gehaltsband, das an seinem Datum für Jobfamilie, Stufe und Zone der Person gilt (die Zone der Person vor Bändern für alle Zonen), umgerechnet in die Währung des Bandes über die Berichtswährung zu den Kursen seines Datums oder des nächstfrüheren. Compa-Ratio: jährliches Grundgehalt ÷ Mittelwert des Bandes; Bandposition: (jährliches Grundgehalt − Minimum) ÷ (Maximum − Minimum). Ein Angebot außerhalb seines Bandes wartet auf eine Vergütungsentscheidung.
report-explain-transparency = Richtlinie (EU) 2023/970, Art. 5 Abs. 1: Bewerberinnen und Bewerbern wird das Einstiegsentgelt oder seine Spanne vor dem Vorstellungsgespräch mitgeteilt. Aufgeführt: Personen in der Zone EU, die laut Phasenverlauf das Vorstellungsgespräch (oder eine spätere Phase) vor dem Tag erreichten, an dem ihnen die Spanne genannt wurde, oder ohne Datum der Mitteilung. Eine Mitteilung am Tag des ersten Gesprächs gilt als rechtzeitig.
report-empty-hires = Keine Einstellungen passen zu diesen Filtern.
report-empty-pay = Keine Gehaltsangaben passen zu diesen Filtern.
report-empty-people = Keine Personen passen zu diesen Filtern.
report-empty-offers = Keine Angebote passen zu diesen Filtern.
report-empty-transparency = Allen Kandidatinnen und Kandidaten in der EU, die ein Vorstellungsgespräch erreichten, wurde ihre Spanne rechtzeitig genannt.

## Weitere Berichtsfilter
report-group-by = Gruppieren nach
report-group-title = Titel
report-group-kind = Art des Betrags
report-any-kind = Jede Art
report-any-confidence = Jede Verlässlichkeit
report-pay-scale = Gehaltsskala
report-scale-automatic = Automatisch
report-scale-linear = Linear
report-scale-log = Logarithmisch
report-per = Je
report-month = Monat
report-quarter = Quartal

## Tabellenzellen
report-percent = { $value } %
