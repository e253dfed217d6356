# Entfernen der Demodaten (templates/demo_data.html).
demo-title = Demodaten entfernen
demo-removes = Hiermit wird in einem Schritt alles entfernt, was markiert ist als
demo-badge = Demo
demo-people = { $count ->
    [one] { $count } Person mit ihrem Phasenverlauf und allen ihr hinzugefügten Gehaltsangaben
   *[other] { $count } Personen mit ihrem Phasenverlauf und allen ihnen hinzugefügten Gehaltsangaben
    }
demo-pay-reports = { $count ->
    [one] { $count } Demo-Gehaltsangabe
   *[other] { $count } Demo-Gehaltsangaben
    }
demo-companies = { $count ->
    [one] { $count } Unternehmen
   *[other] { $count } Unternehmen
    }
demo-exchange-rates = { $count ->
    [one] { $count } Wechselkurs (eigene Beträge, die damit umgerechnet wurden, stehen ohne Kurs da, bis Sie eigene Kurse erfassen)
   *[other] { $count } Wechselkurse (eigene Beträge, die damit umgerechnet wurden, stehen ohne Kurs da, bis Sie eigene Kurse erfassen)
    }
demo-companies-kept = { $count ->
    [one] { $count } Demo-Unternehmen bleibt erhalten: Eine Ihrer eigenen Personen verweist darauf.
   *[other] { $count } Demo-Unternehmen bleiben erhalten: Ihre eigenen Personen verweisen darauf.
    }
demo-audited = Jede Löschung wird unter Ihrem Namen im Audit-Protokoll festgehalten. Sie kann hier nicht rückgängig gemacht werden.
demo-remove-all = Alle Demodaten entfernen
demo-cancel = Abbrechen
demo-none-left = Es sind keine Demodaten mehr vorhanden.
demo-removed = Die Demodaten sind entfernt: { $people } Personen, { $pay-reports } Gehaltsangaben, { $companies } Unternehmen und { $exchange-rates } Wechselkurse.
demo-nothing-removed = Es gab keine Demodaten zu entfernen.
