# Die Pipeline-Tafel und ihre Verschiebungen (templates/pipeline/, routes/pipeline.rs). Die
# Filter teilen ihre Wörter mit der Personenliste (`people-*` in people.ftl).
pipeline-every-stage = Alle Phasen
pipeline-count-about = etwa { $count }
pipeline-count-more-than = mehr als { $count }
pipeline-nobody = Niemand.
pipeline-from = von { $company }
pipeline-to = zu { $company }
pipeline-days-in-stage = { $count ->
        [one] { $count } Tag
       *[other] { $count } Tage
    } in dieser Phase
pipeline-no-history = kein Phasenverlauf
pipeline-move-label = { $name } verschieben nach
pipeline-move-to = Verschieben nach…
pipeline-move = Verschieben
pipeline-more-count = und { $count } weitere in der Personenliste
pipeline-more = Weitere in der Personenliste
pipeline-confirm-title = { $name } nach „{ $to }“ verschieben?
pipeline-confirm-heading = { $name } von „{ $from }“ nach „{ $to }“ verschieben?
pipeline-what-changes = Was sich dadurch ändert
pipeline-kept-in-history = Die Verschiebung bleibt im Phasenverlauf und im Audit-Protokoll erhalten; die Person kann später erneut verschoben werden.
pipeline-confirm-button = Bestätigen: nach „{ $to }“ verschieben
pipeline-cancel = Abbrechen

## Was eine Verschiebung ändert (`MoveConfirmPage::changes`)
pipeline-undoes-hire-on = Eingestellt am { $day }: Dies zählt in den Berichten (Talentfluss, Einstellungsverlauf) und auf dem Dashboard nicht mehr als Einstellung.
pipeline-undoes-hire = Die Einstellung zählt in den Berichten (Talentfluss, Einstellungsverlauf) und auf dem Dashboard nicht mehr als Einstellung.
pipeline-undoes-offer-since = Seit { $day } in der Phase „Angebot“: Die Person verlässt diese Phase, Tafel und Pipeline-Bericht zählen sie unter „{ $to }“; ihr Phasenverlauf zeigt weiterhin, dass sie das Angebot erreicht hat.
pipeline-undoes-offer = Die Person verlässt die Phase „Angebot“, Tafel und Pipeline-Bericht zählen sie unter „{ $to }“; ihr Phasenverlauf zeigt weiterhin, dass sie das Angebot erreicht hat.
pipeline-closes = „{ $to }“ nimmt die Person aus der aktiven Pipeline: Sie zählt in den Berichten als „{ $to }“, nicht als Kandidat.

## Meldungen und Ablehnungen
pipeline-moved = { $name } ist jetzt in der Phase „{ $stage }“.
pipeline-already-there = { $name } ist bereits in der Phase „{ $stage }“: Es wurde nichts weiter verschoben.
pipeline-no-such-stage = Es gibt keine Phase „{ $name }“.
pipeline-stale = { $name } wurde von jemand anderem geändert, seit diese Tafel angezeigt wurde (jetzt in der Phase „{ $stage }“): Es wurde nichts verschoben. Die Tafel unten ist aktuell; verschieben Sie die Person erneut, wenn Sie das weiterhin möchten.
