# Regeln zwischen Feldern (src/domain/rules.rs), neben dem zu ändernden Feld gezeigt.
rule-high-below-low = Das obere Ende der Spanne darf nicht unter dem unteren liegen.
rule-mid-below-min = Der Mittelwert darf nicht unter dem Minimum liegen.
rule-max-below = Das Maximum darf nicht unter dem Mittelwert oder dem Minimum liegen.
rule-all-or-none = Geben Sie Minimum, Mittelwert und Maximum zusammen an oder keinen davon.
rule-pay-history = Bewerberinnen und Bewerber in der EU dürfen nicht nach ihrem bisherigen Entgelt gefragt werden (Richtlinie (EU) 2023/970, Art. 5 Abs. 2): Eine Angabe aus dieser Quelle wird nicht erfasst.
rule-pay-history-move = Für diese Person gibt es Vergütungsangaben, deren Quelle die Person selbst ist; in der EU ist das bisheriges Entgelt (Richtlinie (EU) 2023/970, Art. 5 Abs. 2). Entfernen Sie diese Angaben, bevor Sie die Person in die EU verschieben.
rule-total-needs-years = Eine Gesamtsumme braucht die Zahl der Jahre, die sie abdeckt.
rule-annual-no-years = Lassen Sie dieses Feld bei einer jährlichen Angabe leer.
rule-offer-before-contact = Das Angebot kann nicht vor dem ersten Kontakt liegen.
rule-decision-before-contact = Die Entscheidung kann nicht vor dem ersten Kontakt liegen.
rule-decision-before-offer = Die Entscheidung kann nicht vor dem Angebotsdatum liegen.
rule-start-before-contact = Der Eintritt kann nicht vor dem ersten Kontakt liegen.
rule-start-before-offer = Der Eintritt kann nicht vor dem Angebotsdatum liegen.
rule-start-before-decision = Der Eintritt kann nicht vor der Entscheidung liegen.
