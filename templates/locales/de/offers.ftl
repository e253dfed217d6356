# Angebote im Vergleich zu ihren Gehaltsbändern, und die Entscheidungen über Angebote außerhalb.

## Prüfung eines Angebots
offer-of = Angebot vom { $date }
offer-approval = Freigabe
offer-approval-page = Freigabeseite
offer-band = Band
offer-annual-base = Jährliches Grundgehalt
offer-compa-ratio = Compa-Ratio
offer-penetration = Bandposition
offer-base = Grundgehalt
offer-total = Gesamt
offer-computed-from = Berechnet aus
offer-market = Markt ({ $of }, jeweils der zuletzt berichtete oder vereinbarte Betrag jeder Person):
offer-decided-by = { $decision } von { $by } am { $at }
offer-for = Angebot für { $name }
offer-inside-band = innerhalb des Bandes
offer-outside-band = außerhalb des Bandes
offer-penetration-percent = { $percent } %
offer-penetration-none = keine (das Band hat keine Breite)
offer-total-inside = auf ein Jahr gerechneter Mittelwert { $value }: Compa-Ratio { $compa }, Bandposition { $penetration }, innerhalb der Gesamtspanne
offer-total-outside = auf ein Jahr gerechneter Mittelwert { $value }: Compa-Ratio { $compa }, Bandposition { $penetration }, außerhalb der Gesamtspanne
offer-from-band = Band { $name } ab { $date }: Grundgehalt { $base }
offer-from-band-total = Band { $name } ab { $date }: Grundgehalt { $base }, gesamt { $total }
offer-no-conversion = Angebot in { $currency }, keine Umrechnung
offer-converted-through = umgerechnet über { $reporting } zu den Kursen vom { $date } oder dem nächstfrüheren Tag
offer-rate-of-offer = Kurs des Angebots { $rate } { $reporting } je Einheit, vom { $date }
offer-rate-of-band = Kurs des Bandes { $rate } { $reporting } je Einheit, vom { $date }
offer-currency-is-reporting = die Währung des Angebots ist { $reporting }, die Berichtswährung
offer-band-currency-is-reporting = die Währung des Bandes ist { $reporting }, die Berichtswährung
offer-unchecked-no-family = nicht geprüft: die Person hat keine Jobfamilie oder Stufe
offer-unchecked-no-band = nicht geprüft: kein Gehaltsband für { $family } { $level } ({ $zone } oder alle Zonen), das am { $date } gilt
offer-no-zone = keine Zone
offer-unchecked-no-rate = nicht geprüft: kein { $currency }-Wechselkurs am oder vor dem { $date }
offer-no-base = kein Grundgehalt angegeben
offer-warning-old-rate = Der verwendete { $currency }-Wechselkurs ist vom { $rate-date }, mehr als { $days } Tage vor dem Stichtag des Betrags ({ $date }): Legen Sie für einen genaueren Wert einen neueren Kurs an.
offer-warning-above-total = Grundgehalt, Bonus, Aktienanteile und Antrittsprämie ergeben { $sum } pro Jahr, mehr als die Obergrenze der Gesamtspanne des Bandes ({ $max }).

## Entscheiden
approval-queue-title = Angebote, die auf eine Entscheidung warten
approval-decide = Entscheiden
approval-outside-band = Dieses Angebot liegt außerhalb seines Bandes
approval-decision = Entscheidung
approval-choose = — bitte wählen —
approval-approve = Genehmigen
approval-reject = Ablehnen
approval-reason-field = Begründung (Pflichtfeld)
approval-record = Entscheidung speichern
approval-decisions = Entscheidungen
approval-none-yet = Noch keine Entscheidungen.
approval-when = Wann
approval-by = Von
approval-reason = Begründung
approval-counts-while = Eine Entscheidung gilt, solange das Angebot, Jobfamilie, Stufe und Zone der Person sowie das Band so bleiben, wie sie bei der Entscheidung waren; jede Änderung erfordert eine neue.
approval-queue-empty = Kein Angebot wartet auf eine Entscheidung.
approval-queue-waiting = { $count ->
    [one] Angebot außerhalb seines Bandes wartet
   *[other] Angebote außerhalb ihres Bandes warten
  }, älteste zuerst. Wer ein Angebot angelegt oder zuletzt bearbeitet oder seine Beträge geändert hat, überlässt die Entscheidung anderen.
approval-offer-date = Angebotsdatum
approval-person = Person
approval-made-by = Erstellt von
approval-made-on = Erstellt am
approval-yours = Ihres: jemand anderes entscheidet
approval-more-waiting = { $count } weitere warten dahinter:
approval-report-link = der Angebotsbericht listet alle offenen Angebote
approval-not-on-record = nicht erfasst
approval-not-yours = Sie haben dieses Angebot angelegt oder zuletzt bearbeitet oder seine Beträge geändert; daher muss jemand anderes es genehmigen oder ablehnen.
approval-needs-none = Dieses Angebot liegt innerhalb seines Bandes oder lässt sich nicht gegen eines prüfen: Es braucht keine Entscheidung.
approval-approved-flash = Das Angebot für { $name } wurde genehmigt.
approval-rejected-flash = Das Angebot für { $name } wurde abgelehnt.
