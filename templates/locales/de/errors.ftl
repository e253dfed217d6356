# Die Fehlerseite: was schiefging, in der Sprache der Leserin oder des Lesers.
error-code = Fehler { $code }
error-back = Zurück zur Übersicht
error-400 = Die Anfrage konnte nicht verarbeitet werden.
error-401 = Bitte melden Sie sich an.
error-403 = Ihre Rolle erlaubt das nicht. Wenden Sie sich an eine Administratorin oder einen Administrator, wenn Sie es brauchen.
error-404 = Hier gibt es nichts. Der Eintrag wurde vielleicht gelöscht, oder die Adresse ist falsch geschrieben.
error-409 = Jemand hat inzwischen einen Datensatz geändert oder entfernt, von dem dieser abhängt; daher wurde nichts gespeichert. Laden Sie die Seite neu und versuchen Sie es erneut.
error-413 = Die gesendeten Daten sind zu groß.
error-422 = Ein Teil der gesendeten Daten konnte nicht verarbeitet werden.
error-429 = Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.
error-503 = Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.
error-other = Bei uns ist etwas schiefgegangen. Der Fehler wurde protokolliert.
error-too-slow = Die Datenbank hat für diese Antwort zu lange gebraucht, daher wurde die Abfrage abgebrochen. Schränken Sie die Filter ein oder versuchen Sie es später erneut, wenn weniger los ist.
error-figure-too-large = Ein in die Berichtswährung umgerechneter Vergütungswert läge über { $largest } und damit über dem, was Berichte fassen können: Es wurde nichts gespeichert. Prüfen Sie Beträge, Währungen, Zeiträume und Wechselkurse.
error-erased = Die personenbezogenen Daten dieser Person wurden auf Antrag gelöscht: Sie können nicht erneut in ihren Datensatz geschrieben werden.
error-csrf = Dieses Formular ist abgelaufen oder stammt nicht von talent-tracker. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.

## Die Bezeichnung des Status
error-reason-400 = Ungültige Anfrage
error-reason-401 = Nicht angemeldet
error-reason-403 = Keine Berechtigung
error-reason-404 = Nicht gefunden
error-reason-405 = Methode nicht erlaubt
error-reason-409 = Konflikt
error-reason-410 = Nicht mehr verfügbar
error-reason-413 = Zu groß
error-reason-422 = Nicht verarbeitbar
error-reason-429 = Zu viele Anfragen
error-reason-500 = Interner Fehler
error-reason-503 = Nicht verfügbar
