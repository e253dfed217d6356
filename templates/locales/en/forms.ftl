# The form and list pieces every page shares (templates/_macros.html).
form-company-hint = The company's exact name
form-correct-fields = Please correct the fields marked below.
form-pages = Pages
form-previous = ← Previous
form-page-of = Page { $page } of { $pages }
form-next = Next →
form-or = or
form-excel-title = UTF-8 with a byte-order mark, so Excel shows umlauts
form-for-excel = for Excel
form-excel-de-title = Semicolons and decimal commas, for Excel and LibreOffice in German
form-for-excel-de = for German Excel
form-conflict = Someone else saved this record while you were editing it. Nothing was overwritten. Compare, then save again to keep your version.
form-conflict-field = Field
form-conflict-theirs = Saved meanwhile
form-conflict-yours = Yours
