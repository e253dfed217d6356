# Rules between fields (src/domain/rules.rs), shown beside the field to change.
rule-high-below-low = The high end of the range cannot be below the low end.
rule-mid-below-min = The midpoint cannot be below the minimum.
rule-max-below = The maximum cannot be below the midpoint or the minimum.
rule-all-or-none = Give the minimum, midpoint and maximum together, or none of them.
rule-pay-history = A candidate in the EU may not be asked for their pay history (Directive (EU) 2023/970, art. 5(2)): a figure from the candidate is not recorded.
rule-pay-history-move = This person has pay figures whose source is the candidate; in the EU these are pay history (Directive (EU) 2023/970, art. 5(2)). Remove those figures before moving them into the EU.
rule-total-needs-years = A total needs the number of years it covers.
rule-annual-no-years = Leave this empty for an annual figure.
rule-offer-before-contact = The offer cannot come before the first contact.
rule-decision-before-contact = The decision cannot come before the first contact.
rule-decision-before-offer = The decision cannot come before the offer date.
rule-start-before-contact = The start cannot come before the first contact.
rule-start-before-offer = The start cannot come before the offer date.
rule-start-before-decision = The start cannot come before the decision.
