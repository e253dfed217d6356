# The mails: offers waiting for a decision, decisions on offers, password links. Each goes out
# in its recipient's language.
mail-hello = Hello { $name },
mail-someone = Someone
mail-offer = Offer
mail-base = Base
mail-band = Band
mail-compa = Compa-ratio
mail-reason = Reason
# $symbol: the currency's own symbol (€) where it has one that names it alone, else the code
mail-amount-range = { $currency } { $low } to { $high }
mail-no-base = no base given
mail-band-none = none in force
mail-compa-none = cannot be computed
mail-turn-off-before = You can turn these mails off on
mail-account-page = your account page
mail-turn-off-after = .
mail-turn-off-text = You can turn these mails off on your account page:

## An offer outside its band
mail-pending-subject = An offer for { $person } waits for your decision
mail-pending-before = { $maker } made an offer for
mail-pending-after = that is outside its pay band. It waits for a decision by someone in compensation or an admin.
mail-pending-decide = Approve or reject the offer
mail-pending-decide-text = Approve or reject it here:
mail-pending-why = You get this mail because you are in compensation or an admin.

## A decision on an offer; $decision is `approved` or `rejected`
mail-decided-subject = The offer for { $person } is { $decision ->
    [approved] approved
   *[other] rejected
  }
mail-decided-before = { $decider } { $decision ->
    [approved] approved
   *[other] rejected
  } the offer for
# $decision: approved or rejected
mail-decided-after = , which you made or last edited.
mail-decided-see = See it in talent-tracker
mail-decided-see-text = See it here:

## Password links
mail-link-subject-created = Set your talent-tracker password
mail-link-subject-reset = A link to set a new talent-tracker password
mail-link-added = An admin added you to talent-tracker ({ $site }). Set your password with this link:
mail-link-reset = An admin made you a link to set a new password for talent-tracker ({ $site }):
mail-link-set = Set your password
mail-link-set-new = Set a new password
mail-link-once = It works once, for { $days } days.
mail-link-keeps = Your current password keeps working until the link is used.
mail-link-unexpected = If you did not expect this mail, tell your admin.
