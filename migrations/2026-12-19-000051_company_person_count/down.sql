DROP TABLE company_person_count;
