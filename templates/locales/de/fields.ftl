# Was die geprüften Feldtypen (src/domain/) zu einem Wert sagen, den sie nicht annehmen.
form-required = Dieses Feld ist ein Pflichtfeld.
form-nul = Enthält ein NUL-Zeichen, das Text nicht enthalten kann.
form-too-long = Höchstens { $max } Zeichen, bitte (dieser Text hat { $length }).
form-email = Geben Sie eine E-Mail-Adresse wie ada@example.com ein.
form-url-not-web = Geben Sie eine vollständige Webadresse ein, die mit http:// oder https:// beginnt.
form-url-blanks = Eine Webadresse darf keine Leerzeichen, Tabulatoren, Zeilenumbrüche, andere unsichtbare Steuerzeichen oder Backslashes enthalten (schreiben Sie ein Leerzeichen als %20).
form-url-user = Lassen Sie Benutzername und Passwort weg (den Teil vor dem @).
form-url-host = Geben Sie nach http:// oder https:// den Namen der Website ein (z. B. example.com).
form-url-port = Ein Port ist eine Zahl von 0 bis 65535.
form-country = Kein Land: Geben Sie den ISO-3166-1-Code (z. B. DE, AT, CH) oder den deutschen oder englischen Ländernamen an.
form-zone = Eine Zone besteht aus 2 bis 10 Buchstaben, z. B. US oder EU.
form-local-path = Kein Pfad auf dieser Website.
