# Anmeldung (mit Passwort oder über den OpenID-Anbieter) und die Einrichtung des ersten Administrators.

## Anmeldung
login-title = Anmelden
login-email = E-Mail
login-password = Passwort
login-sign-in-with = Mit { $provider } anmelden
login-email-too-long = Eine E-Mail-Adresse hat höchstens { $max } Zeichen.
login-email-control = Eine E-Mail-Adresse darf keine Steuerzeichen enthalten.
login-too-large = Die gesendeten Daten sind für eine Anmeldung zu groß.
login-fill-in = Bitte geben Sie E-Mail-Adresse und Passwort ein.
login-throttled = Zu viele fehlgeschlagene Anmeldungen von Ihrer Adresse. Bitte versuchen Sie es in { $minutes } Minuten erneut.
login-wrong = E-Mail-Adresse oder Passwort ist falsch.
login-provider-only = Dieses Konto meldet sich nur über { $provider } an: Bitte verwenden Sie die Schaltfläche unten.
login-logged-out = Sie wurden abgemeldet.

## Single Sign-on
login-sso-unreachable-start = { $provider } ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal oder melden Sie sich mit Ihrem Passwort an.
login-sso-not-signed-in = { $provider } hat Sie nicht angemeldet ({ $error }).
login-sso-not-started-or-slow = Diese Anmeldung wurde nicht hier begonnen oder hat zu lange gedauert: Bitte beginnen Sie erneut.
login-sso-not-started = Diese Anmeldung wurde nicht hier begonnen: Bitte beginnen Sie erneut.
login-sso-unreachable = { $provider } ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.
login-sso-not-vouched = { $provider } hat diese Anmeldung nicht bestätigt (sie wurde bereits verwendet oder ist abgelaufen): Bitte beginnen Sie erneut.
login-sso-no-email = { $provider } hat uns Ihre E-Mail-Adresse nicht mitgeteilt.
login-sso-unusable-email = { $provider } hat { $email } als Ihre E-Mail-Adresse übermittelt; diese können wir nicht verwenden.
login-sso-subject-too-long = { $provider } hat eine Kennung übermittelt, die länger ist, als OpenID erlaubt.
login-sso-unverified = { $provider } hat Ihre E-Mail-Adresse { $email } nicht bestätigt, daher kann sie hier kein Konto öffnen. Bestätigen Sie sie zuerst bei { $provider } oder wenden Sie sich an eine Administratorin oder einen Administrator.
login-sso-unknown = Für { $email } gibt es hier noch kein Konto: Bitten Sie eine Administratorin oder einen Administrator, Sie auf der Benutzerseite hinzuzufügen.
login-sso-deactivated = Das Konto für { $email } ist deaktiviert.
login-sso-no-role = { $provider } ordnet { $email } keiner der Gruppen zu, die hier eine Rolle haben: Bitte wenden Sie sich an eine Administratorin oder einen Administrator.

## Einrichtung des ersten Administrators
setup-title = talent-tracker einrichten
setup-intro = talent-tracker hat noch keine Benutzer. Legen Sie den ersten Administrator an: Danach können Sie alle anderen unter „Benutzer“ hinzufügen. Dieser Link funktioniert einmal.
setup-email = E-Mail
setup-email-hint = Damit melden Sie sich an
setup-name = Name
setup-name-hint = Wird in der Anwendung und im Prüfprotokoll angezeigt
setup-password = Passwort
setup-password-again = Passwort wiederholen
setup-submit = Ersten Administrator anlegen
setup-link-gone = Dieser Einrichtungslink wurde bereits verwendet, ist abgelaufen (ein Einrichtungslink gilt { $days } Tage; solange es keine Benutzer gibt, gibt talent-tracker beim Neustart einen neuen aus), oder talent-tracker hat bereits Benutzer: Melden Sie sich stattdessen an oder bitten Sie eine Administratorin oder einen Administrator um ein Konto.
setup-done = Sie sind der erste Administrator. Fügen Sie hier die Personen hinzu, die talent-tracker nutzen werden.
