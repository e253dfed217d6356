# Zwei Personen zusammenführen und das rückgängig machen (templates/merges/, templates/people/_merges.html).
merge-merged-records = Zusammengeführte Datensätze
merge-merged-from = Zusammengeführt aus { $name }
merge-person-id = (Person { $id })
merge-on = am { $at }
merge-undo-this = Diese Zusammenführung rückgängig machen…
merge-identical-intro = Diese Vergütungsangaben kamen mit einer Zusammenführung und wiederholen eine, die dieser Datensatz schon hatte (gleiche Zahlen, gleicher Tag, gleiche Quelle):
merge-identical-pair = Angabe { $duplicate } wiederholt Angabe { $kept } (Stand { $as-of }
merge-collapse = Jeweils zu einer zusammenfassen
merge-collapse-hint = Die Wiederholungen werden gelöscht (das Audit-Protokoll vermerkt es); wird die Zusammenführung rückgängig gemacht, kommen sie zurück.
merge-title = { $left } und { $right } zusammenführen
merge-heading = Zwei Personen zusammenführen
merge-changed-meanwhile = Jemand anderes hat { $names } gespeichert, während Sie ausgewählt haben. Es wurde nichts zusammengeführt. Die Seite zeigt die Datensätze jetzt im aktuellen Stand: Prüfen Sie Ihre Auswahl und führen Sie erneut zusammen.
merge-and = {" und "}
merge-explained = Ein Datensatz bleibt bestehen und erhält die unten gewählten Werte; Vergütungsangaben, Phasenverlauf und Importeinträge des anderen gehen auf ihn über, und der andere Datensatz wird entfernt. Das Audit-Protokoll bewahrt beide Datensätze im bisherigen Stand, und die Zusammenführung lässt sich auf der Seite der verbleibenden Person rückgängig machen oder unter
merge-field = Feld
merge-survives = Bleibt bestehen
merge-keep-person = Person { $id } behalten
merge-moves-with-it = Geht mit über
merge-person-label = Person { $id }:
merge-moved-counts = { $reports ->
        [one] { $reports } Vergütungsangabe
       *[other] { $reports } Vergütungsangaben
    }, { $changes ->
        [one] { $changes } Phasenwechsel
       *[other] { $changes } Phasenwechsel
    }
merge-all-equal = Alle Felder haben in beiden Datensätzen denselben Wert.
merge-button = Zusammenführen
merge-none = Es wurden noch keine Personen zusammengeführt.
merge-merged = Zusammengeführt
merge-into = In
merge-moved = Übertragen
merge-by = Von
merge-undo = Rückgängig
merge-undone-at = rückgängig gemacht am { $at }
merge-undo-link = Rückgängig machen…
merge-undo-title = Zusammenführung von { $name } rückgängig machen
merge-undo-heading = Zusammenführung von { $removed } in { $survivor } rückgängig machen?
merge-merged-on = Zusammengeführt am { $at }
merge-undo-moved = { $reports ->
        [one] { $reports } Vergütungsangabe
       *[other] { $reports } Vergütungsangaben
    } und { $changes ->
        [one] { $changes } Phasenwechsel
       *[other] { $changes } Phasenwechsel
    } übertragen.
merge-undo-explained = { $removed } kommt als Person { $id } mit Vergütungsangaben, Phasenverlauf und Importeinträgen zurück, und { $survivor } erhält die Werte von vor der Zusammenführung zurück, genau wie sie waren. Vergütungsangaben oder Phasenwechsel, die { $survivor } nach der Zusammenführung hinzugefügt wurden, bleiben bei { $survivor }.
merge-undo-button = Zusammenführung rückgängig machen
merge-keep-merged = Zusammengeführt lassen
merge-cannot-undo = Diese Zusammenführung kann jetzt nicht rückgängig gemacht werden:

## Meldungen
merge-merged-flash = { $removed } in { $survivor } zusammengeführt. Die Zusammenführung lässt sich unten rückgängig machen.
merge-undone-flash = Zusammenführung rückgängig gemacht: { $name } ist wieder Person { $id }.
merge-collapsed-none = Es waren keine identischen Vergütungsangaben mehr zusammenzufassen.
merge-collapsed = { $count ->
        [one] 1 Vergütungsangabe, die eine andere wiederholte, wurde gelöscht; wird die Zusammenführung rückgängig gemacht, kommt sie zurück.
       *[other] { $count } Vergütungsangaben, die andere wiederholten, wurden gelöscht; wird die Zusammenführung rückgängig gemacht, kommen sie zurück.
    }
merge-dates-out-of-order = Die gewählten Daten sind nicht in der richtigen Reihenfolge: { $broken } Wählen Sie diese Daten aus demselben Datensatz.
