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
