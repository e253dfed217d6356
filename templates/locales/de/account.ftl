# Das eigene Konto (/account), seine API-Tokens und das Passwort.

## Die Kontoseite
account-title = Ihr Konto
account-name = Name
account-email = E-Mail
account-role = Rolle
account-language = Sprache
account-language-label = Seiten, E-Mails, Zahlen und Datumsangaben in
account-language-browser = Sprache des Browsers
account-language-save = Sprache speichern
account-language-saved = Ihre Sprache wurde gespeichert.
account-language-unknown = Die Sprache „{ $typed }“ gibt es hier nicht: Bitte wählen Sie eine aus der Liste.
account-password = Passwort
account-password-change = Passwort ändern
account-sessions = Sitzungen
account-sessions-only-here = Sie sind nur hier angemeldet.
account-sessions-others = Sie sind außerdem { $count ->
    [one] in einer weiteren Sitzung
   *[other] in { $count } weiteren Sitzungen
  } angemeldet (anderer Browser oder anderes Gerät).
account-sessions-end-others = Überall sonst abmelden
account-sessions-ended = { $count ->
    [one] Ihre andere Sitzung wurde beendet.
   *[other] Ihre { $count } anderen Sitzungen wurden beendet.
  }
account-mail = E-Mail-Benachrichtigungen
account-mail-offer-pending = Ein Angebot außerhalb seines Gehaltsbands wartet auf eine Entscheidung
account-mail-offer-decided = Eine Entscheidung über ein Angebot, das Sie erstellt oder zuletzt bearbeitet haben
account-mail-links-always = Links zum Festlegen Ihres Passworts erhalten Sie immer, wenn eine Administratorin oder ein Administrator einen erstellt.
account-mail-save = Benachrichtigungen speichern
account-mail-saved = Ihre Benachrichtigungseinstellungen wurden gespeichert.
account-cancel = Abbrechen

## API-Tokens
token-list-title = API-Tokens
token-make = API-Token erstellen
token-api-reference = API-Referenz
token-none = Noch keine API-Tokens.
token-name = Name
token-owner = Benutzer
token-scope = Umfang
token-made = Erstellt
token-expires = Läuft ab
token-last-used = Zuletzt verwendet
token-state = Status
token-scope-read-only = nur lesen
token-scope-role = Rolle
token-state-live = gültig
token-state-revoked = widerrufen
token-state-expired = abgelaufen
token-revoke = Widerrufen
token-never-used = nie
token-revoked = Das Token wurde widerrufen.
token-created-title = API-Token
token-created-heading = Ihr API-Token „{ $name }“
token-created-copy = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt, und talent-tracker bewahrt keine Kopie auf, die es erneut anzeigen könnte. Es gilt bis { $expires }.
token-created-copy-read-only = Kopieren Sie es jetzt: Es wird nur dieses eine Mal angezeigt, und talent-tracker bewahrt keine Kopie auf, die es erneut anzeigen könnte. Es gilt bis { $expires }, nur zum Lesen.
token-created-send-as = Senden Sie es als
token-created-header = Authorization: Bearer …
token-created-reference-before = in der
token-created-reference-after = steht, wozu es berechtigt.
token-back-to-account = Zurück zu Ihrem Konto
token-new-title = Neues API-Token
token-name-hint = Wofür es gedacht ist, z. B. der HRIS-Abgleich
token-days = Gültigkeit in Tagen
token-days-hint = Von 1 bis 730
token-read-only-label = Nur lesen: liest, was Ihre Rolle lesen darf, und ändert nichts
token-read-only-hint = Ohne „Nur lesen“ kann das Token über die API alles, was Ihre Rolle kann.
token-make-submit = Token erstellen
token-name-missing = Bitte geben Sie dem Token einen Namen.
token-name-too-long = Ein Name hat höchstens { $max } Zeichen.
token-name-control = Ein Name darf keine Steuerzeichen enthalten.
token-days-range = Von 1 bis { $max } Tagen.

## Passwörter
password-too-short = Ein Passwort braucht mindestens { $min } Zeichen.
password-too-long = Ein Passwort hat höchstens { $max } Zeichen.
password-repeat-differs = Die beiden neuen Passwörter stimmen nicht überein.
password-not-current = Das ist nicht Ihr aktuelles Passwort.
password-same-as-current = Bitte wählen Sie ein anderes als das aktuelle Passwort.
password-throttled = Zu viele falsche Passwörter. Bitte versuchen Sie es in { $minutes } Minuten erneut.
password-changed = Ihr Passwort wurde geändert; Ihre anderen Sitzungen wurden beendet.
password-change-title = Passwort ändern
password-change-heading = Ihr Passwort ändern
password-current = Aktuelles Passwort
password-new = Neues Passwort
password-new-again = Neues Passwort wiederholen
password-length-hint = 12 bis 128 Zeichen
password-change-ends-sessions = Wenn das Passwort geändert wird, enden Ihre anderen Sitzungen.
password-link-title = Passwort festlegen
password-link-for = Für
password-link-once = Dieser Link funktioniert einmal; alle Sitzungen dieses Kontos enden, sobald das Passwort festgelegt ist.
password-link-submit = Passwort festlegen
password-link-gone = Dieser Passwort-Link wurde bereits verwendet oder ist abgelaufen. Bitten Sie eine Administratorin oder einen Administrator um einen neuen.
password-link-set = Das Passwort für { $email } wurde festgelegt. Melden Sie sich damit an.
