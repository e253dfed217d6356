# The company pages (templates/companies/). `company-kind-*` are the kinds' labels in choices.ftl.
companies-delete-title = Delete { $name }
companies-delete-heading = Delete { $name }?
companies-delete-blocked = { $name } cannot be deleted: { $count ->
        [one] { $count } person names it
       *[other] { $count } people name it
    } as where they came from or who hires them. Change or delete those people first; the company's page lists them.
companies-back-to = Back to { $name }
companies-delete-warning = This removes the company for good.
companies-delete-button = Delete company
companies-keep = Keep it
companies-edit-title = Edit company
companies-new = New company
companies-edit-heading = Edit { $name }
companies-legend = Company
companies-name-required = Name (required)
companies-kind = Kind
companies-website = Website
companies-website-hint = A full address, e.g. https://scale.com
companies-country = Country
companies-country-hint = Two-letter ISO code, e.g. US
companies-notes = Notes
companies-save = Save company
companies-cancel = Cancel
companies-download-csv = Download CSV
companies-import-csv = Import CSV
companies-name-contains = Name contains
companies-any-kind = Any kind
companies-filter = Filter
companies-none-match = No companies match.
companies-add-one = Add one
companies-count = { $count ->
        [one] { $count } company
       *[other] { $count } companies
    }
companies-demo = demo
companies-edit = Edit
companies-delete = Delete…
companies-came-from = People who came from { $name }
companies-none-recorded = None recorded.
companies-all-in-list = All of them in the people list
companies-hired = People { $name } hired or is recruiting
companies-from = from { $name }

## Flashes and messages
companies-saved = Saved { $name }.
companies-deleted = Deleted { $name }.
companies-no-such-kind = There is no company kind called “{ $name }”.

## The list's sort orders (`CompanySort`, labelled as choices are)
company-sort-name = Name
company-sort-kind = Kind
company-sort-country = Country
company-sort-came-from = People from it
company-sort-hired-by = People it hired
