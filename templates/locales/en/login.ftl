# Logging in (with a password or through the OpenID provider), and the first admin's setup.

## Logging in
login-title = Log in
login-email = E-mail
login-password = Password
login-sign-in-with = Sign in with { $provider }
login-email-too-long = An e-mail address has at most { $max } characters.
login-email-control = An e-mail address cannot hold control characters.
login-too-large = What was sent is too large for a login.
login-fill-in = Fill in the e-mail and the password.
login-throttled = Too many failed logins from your address. Try again in { $minutes } minutes.
login-wrong = The e-mail or the password is wrong.
login-provider-only = This account signs in with { $provider } only: use the button below.
login-logged-out = You are logged out.

## Single sign-on; $provider is the provider's name as configured
login-sso-unreachable-start = { $provider } cannot be reached just now. Try again in a moment, or log in with your password.
login-sso-not-signed-in = { $provider } did not sign you in ({ $error }).
login-sso-not-started-or-slow = This sign-in was not started here, or took too long: start again.
login-sso-not-started = This sign-in was not started here: start again.
login-sso-unreachable = { $provider } cannot be reached just now. Try again in a moment.
login-sso-not-vouched = { $provider } did not vouch for this sign-in (it was used already, or expired): start again.
login-sso-no-email = { $provider } did not tell us your e-mail address.
login-sso-unusable-email = { $provider } gave { $email } as your e-mail address, which is none we can use.
login-sso-subject-too-long = { $provider } gave an identifier longer than OpenID allows.
login-sso-unverified = { $provider } has not verified your e-mail address { $email }, so it cannot open an account here. Verify it with { $provider } first, or ask an admin.
login-sso-unknown = There is no account for { $email } here yet: ask an admin to add you on the users page.
login-sso-deactivated = The account for { $email } is deactivated.
login-sso-no-role = { $provider } puts { $email } in none of the groups that have a role here: ask an admin.

## The first admin's setup
setup-title = Set up talent-tracker
setup-intro = talent-tracker has no users yet. Create the first admin: you can then add everyone else under Users. This link works once.
setup-email = E-mail
setup-email-hint = What you log in with
setup-name = Name
setup-name-hint = Shown in the app and the audit
setup-password = Password
setup-password-again = Password again
setup-submit = Create the first admin
setup-link-gone = This setup link has been used, has expired (a setup link works for { $days } days; restarting talent-tracker prints a new one while it has no users), or talent-tracker has users already: log in instead, or ask an admin for an account.
setup-done = You are the first admin. Add the people who will use talent-tracker here.
