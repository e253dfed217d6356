# Formular- und Listenbausteine aller Seiten (templates/_macros.html).
form-company-hint = Der genaue Name des Unternehmens
form-correct-fields = Bitte korrigieren Sie die markierten Felder.
form-pages = Seiten
form-previous = ← Zurück
form-page-of = Seite { $page } von { $pages }
form-next = Weiter →
form-or = oder
form-excel-title = UTF-8 mit Byte-Order-Mark, damit Excel Umlaute richtig zeigt
form-for-excel = für Excel
form-excel-de-title = Semikolons und Dezimalkommas, für Excel und LibreOffice auf Deutsch
form-for-excel-de = für deutsches Excel
form-conflict = Jemand anderes hat diesen Datensatz gespeichert, während Sie ihn bearbeitet haben. Nichts wurde überschrieben. Vergleichen Sie und speichern Sie erneut, um Ihre Fassung zu behalten.
form-conflict-field = Feld
form-conflict-theirs = Inzwischen gespeichert
form-conflict-yours = Ihre Eingabe
