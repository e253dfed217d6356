# Die Unternehmensseiten (templates/companies/). Die Arten stehen als `company-kind-*` in choices.ftl.
companies-delete-title = { $name } löschen
companies-delete-heading = { $name } löschen?
companies-delete-blocked = { $name } kann nicht gelöscht werden: { $count ->
        [one] { $count } Person nennt es
       *[other] { $count } Personen nennen es
    } als bisherigen oder einstellenden Arbeitgeber. Ändern oder löschen Sie diese Personen zuerst; die Seite des Unternehmens führt sie auf.
companies-back-to = Zurück zu { $name }
companies-delete-warning = Damit wird das Unternehmen endgültig entfernt.
companies-delete-button = Unternehmen löschen
companies-keep = Behalten
companies-edit-title = Unternehmen bearbeiten
companies-new = Neues Unternehmen
companies-edit-heading = { $name } bearbeiten
companies-legend = Unternehmen
companies-name-required = Name (Pflichtfeld)
companies-kind = Art
companies-website = Website
companies-website-hint = Eine vollständige Adresse, z. B. https://scale.com
companies-country = Land
companies-country-hint = Zweistelliger ISO-Code oder Ländername, z. B. DE oder Deutschland
companies-notes = Notizen
companies-save = Unternehmen speichern
companies-cancel = Abbrechen
companies-download-csv = CSV herunterladen
companies-import-csv = CSV importieren
companies-name-contains = Name enthält
companies-any-kind = Alle Arten
companies-filter = Filtern
companies-none-match = Keine Unternehmen gefunden.
companies-add-one = Unternehmen anlegen
companies-count = { $count ->
        [one] { $count } Unternehmen
       *[other] { $count } Unternehmen
    }
companies-demo = Demo
companies-edit = Bearbeiten
companies-delete = Löschen…
companies-came-from = Personen, die von { $name } kamen
companies-none-recorded = Keine erfasst.
companies-all-in-list = Alle in der Personenliste
companies-hired = Personen, die { $name } eingestellt hat oder anwirbt
companies-from = von { $name }

## Meldungen
companies-saved = { $name } gespeichert.
companies-deleted = { $name } gelöscht.
companies-no-such-kind = Es gibt keine Unternehmensart „{ $name }“.

## Sortierungen der Liste (`CompanySort`, wie Auswahlwerte beschriftet)
company-sort-name = Name
company-sort-kind = Art
company-sort-country = Land
company-sort-came-from = Personen von dort
company-sort-hired-by = Eingestellte Personen
