-- Dates stay within 1900-01-01 to 2100-12-31, as `Date::parse` keeps them: a typed 0205 or
-- 20255 is a typo, and reports do date arithmetic that years near PostgreSQL's limits break.
ALTER TABLE person
    ADD CONSTRAINT person_dates_in_window CHECK (
        first_contact_on BETWEEN '1900-01-01' AND '2100-12-31'
        AND offer_on BETWEEN '1900-01-01' AND '2100-12-31'
        AND decided_on BETWEEN '1900-01-01' AND '2100-12-31'
        AND start_on BETWEEN '1900-01-01' AND '2100-12-31'
    ),
    -- First contact, offer, decision and start follow each other where they are given: a NULL
    -- makes its comparisons NULL, which a CHECK lets pass, so only given pairs are compared.
    ADD CONSTRAINT person_dates_in_order CHECK (
        first_contact_on <= offer_on
        AND first_contact_on <= decided_on
        AND first_contact_on <= start_on
        AND offer_on <= decided_on
        AND offer_on <= start_on
        AND decided_on <= start_on
    );

ALTER TABLE pay_report
    ADD CONSTRAINT pay_report_as_of_in_window CHECK (as_of BETWEEN '1900-01-01' AND '2100-12-31');
