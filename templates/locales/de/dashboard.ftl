# Die Übersichtsseite.
dashboard-title = Übersicht
dashboard-demo-notice = Dieser Tracker enthält noch die Demodaten.
dashboard-remove-demo = Alle Demodaten entfernen
dashboard-remove-demo-after = , sobald Sie eigene Daten haben.
dashboard-waiting = { $count ->
    [one] Angebot wartet
   *[other] Angebote warten
  } auf Ihre Entscheidung
dashboard-new-person = Neue Person
dashboard-new-company = Neues Unternehmen
dashboard-by-stage = Personen nach Phase
dashboard-stage = Phase
dashboard-people = Personen
dashboard-share = Anteil
dashboard-all = Alle
dashboard-latest-hires = Neueste Einstellungen
dashboard-no-hires = Noch keine Einstellungen erfasst.
dashboard-hire-from = von { $company }
dashboard-hire-to = zu { $company }
dashboard-largest = Größte gemeldete Vergütungspakete
dashboard-largest-explain = Nach dem auf ein Jahr gerechneten Mittelwert der Spanne in { $currency }, jeder Betrag zum Kurs seines Stichtags oder dem nächstfrüheren umgerechnet.
dashboard-the-largest = Das größte:
dashboard-a-year = pro Jahr.
dashboard-no-pay-reports = Noch keine Gehaltsangaben.
dashboard-person = Person
dashboard-amount-or-range = Betrag oder Spanne
dashboard-period = Zeitraum
dashboard-annual-midpoint = Mittelwert pro Jahr
dashboard-confidence = Verlässlichkeit
dashboard-as-of = Stand
dashboard-not-ranked = Nicht eingeordnet: kein Kurs nach { $currency }
