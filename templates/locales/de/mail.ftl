# Die E-Mails: wartende Angebote, Entscheidungen über Angebote, Passwort-Links. Jede geht in der
# Sprache ihrer Empfängerin oder ihres Empfängers hinaus.
mail-hello = Guten Tag { $name },
mail-someone = Jemand
mail-offer = Angebot
mail-base = Grundgehalt
mail-band = Gehaltsband
mail-compa = Compa-Ratio
mail-reason = Begründung
mail-amount-range = { $low } bis { $high } { $symbol }
mail-no-base = kein Grundgehalt angegeben
mail-band-none = keines in Kraft
mail-compa-none = nicht berechenbar
mail-turn-off-before = Sie können diese E-Mails auf
mail-account-page = Ihrer Kontoseite
mail-turn-off-after = { " " }abbestellen.
mail-turn-off-text = Sie können diese E-Mails auf Ihrer Kontoseite abbestellen:

## Ein Angebot außerhalb seines Gehaltsbands
mail-pending-subject = Ein Angebot für { $person } wartet auf Ihre Entscheidung
mail-pending-before = { $maker } hat ein Angebot für
mail-pending-after = erstellt, das außerhalb seines Gehaltsbands liegt. Es wartet auf eine Entscheidung durch das Vergütungsteam oder eine Administratorin bzw. einen Administrator.
mail-pending-decide = Angebot genehmigen oder ablehnen
mail-pending-decide-text = Hier genehmigen oder ablehnen:
mail-pending-why = Sie erhalten diese E-Mail, weil Sie die Rolle „Vergütung“ oder „Administration“ haben.

## Eine Entscheidung über ein Angebot
mail-decided-subject = Das Angebot für { $person } wurde { $decision ->
    [approved] genehmigt
   *[other] abgelehnt
  }
mail-decided-before = { $decider } hat das Angebot für
mail-decided-after = { " " }{ $decision ->
    [approved] genehmigt
   *[other] abgelehnt
  }, das Sie erstellt oder zuletzt bearbeitet haben.
mail-decided-see = In talent-tracker ansehen
mail-decided-see-text = Hier ansehen:

## Passwort-Links
mail-link-subject-created = Legen Sie Ihr Passwort für talent-tracker fest
mail-link-subject-reset = Ein Link zum Festlegen eines neuen Passworts für talent-tracker
mail-link-added = Eine Administratorin oder ein Administrator hat Sie zu talent-tracker ({ $site }) hinzugefügt. Legen Sie Ihr Passwort mit diesem Link fest:
mail-link-reset = Eine Administratorin oder ein Administrator hat Ihnen einen Link erstellt, mit dem Sie ein neues Passwort für talent-tracker ({ $site }) festlegen:
mail-link-set = Passwort festlegen
mail-link-set-new = Neues Passwort festlegen
mail-link-once = Er funktioniert einmal, { $days } Tage lang.
mail-link-keeps = Ihr bisheriges Passwort gilt weiter, bis der Link verwendet wird.
mail-link-unexpected = Wenn Sie diese E-Mail nicht erwartet haben, wenden Sie sich an Ihre Administration.
