# Für jede Seite: Rahmen, Zahlen, Geldbeträge und Daten.

## Beträge
money = { $amount } { $symbol }
number-ambiguous = „{ $typed }“ lässt sich zweifach lesen: als { $local } (Punkt als Tausendertrennzeichen) oder als { $iso } (Punkt als Dezimaltrennzeichen). Bitte ohne Tausenderpunkt eingeben: { $local-plain } oder { $iso }.
number-unreadable = „{ $typed }“ ist keine Zahl: bitte wie { $plain } oder { $grouped } eingeben (ohne Währungszeichen).
money-negative = Darf nicht negativ sein.
money-cents = Höchstens zwei Nachkommastellen (Cent): „{ $typed }“ wurde mit dem Punkt als Dezimaltrennzeichen gelesen.
money-too-long = Höchstens { $digits } Stellen vor dem Komma.

## Daten
date-not-a-date = Kein gültiges Datum: bitte TT.MM.JJJJ oder JJJJ-MM-TT, z. B. 30.06.2025.
date-out-of-range = Bitte ein Datum zwischen dem 01.01.1900 und dem 31.12.2100.
date-unreadable = „{ $typed }“ ist kein gültiges Datum: bitte TT.MM.JJJJ, z. B. { $example }.
date-four-digit-year = „{ $typed }“: bitte die Jahreszahl vierstellig schreiben.

## Seitenrahmen
site-name = talent-tracker
skip-to-content = Zum Inhalt springen
menu = Menü
nav-main = Hauptmenü
nav-dashboard = Übersicht
nav-people = Personen
nav-pipeline = Pipeline
nav-companies = Unternehmen
nav-reports = Berichte
nav-exchange-rates = Wechselkurse
nav-pay-bands = Gehaltsbänder
nav-audit = Protokoll
nav-users = Benutzer
nav-mail = E-Mail
nav-webhooks = Webhooks
nav-import = Import
nav-account = Konto
log-out = Abmelden
