-- People who share a pay source are checked as possible duplicates of each other
-- (src/models/person/duplicates.rs): this finds the others citing a person's sources.
CREATE INDEX pay_report_source_url_idx ON pay_report (source_url) WHERE source_url IS NOT NULL;
