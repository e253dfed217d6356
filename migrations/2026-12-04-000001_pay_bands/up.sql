-- Internal pay bands (DOMAIN.md "Internal pay bands") and what people need to be checked
-- against them: their job family, level and zone. A band is never edited into a new version:
-- a later `effective_on` for the same family, level and zone supersedes it from that day, and
-- the earlier one stays so that an old offer is checked against the band of its day.
ALTER TABLE person
    ADD COLUMN job_family TEXT CHECK (btrim(job_family) <> '' AND length(job_family) <= 200),
    ADD COLUMN level TEXT CHECK (btrim(level) <> '' AND length(level) <= 50),
    ADD COLUMN zone TEXT CHECK (zone ~ '^[A-Z]{2,10}$'),
    -- When the candidate was told the band (Directive (EU) 2023/970, art. 5(1)).
    ADD COLUMN range_disclosed_on DATE
        CHECK (range_disclosed_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31');

CREATE TABLE pay_band (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_family   TEXT NOT NULL CHECK (btrim(job_family) <> '' AND length(job_family) <= 200),
    level        TEXT NOT NULL CHECK (btrim(level) <> '' AND length(level) <= 50),
    -- '' is every zone; a person's own zone is preferred over it.
    zone         TEXT NOT NULL DEFAULT '' CHECK (zone = '' OR zone ~ '^[A-Z]{2,10}$'),
    currency     TEXT NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    base_min     NUMERIC(14, 2) NOT NULL CHECK (base_min >= 0),
    -- Above zero: the compa-ratio divides by it.
    base_mid     NUMERIC(14, 2) NOT NULL CHECK (base_mid > 0),
    base_max     NUMERIC(14, 2) NOT NULL,
    total_min    NUMERIC(14, 2) CHECK (total_min >= 0),
    total_mid    NUMERIC(14, 2) CHECK (total_mid > 0),
    total_max    NUMERIC(14, 2),
    effective_on DATE NOT NULL
        CHECK (effective_on BETWEEN DATE '1900-01-01' AND DATE '2100-12-31'),
    is_demo      BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    version      INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    CONSTRAINT pay_band_base_ordered CHECK (base_min <= base_mid AND base_mid <= base_max),
    CONSTRAINT pay_band_total_all_or_none CHECK (
        (total_min IS NULL) = (total_mid IS NULL) AND (total_mid IS NULL) = (total_max IS NULL)),
    CONSTRAINT pay_band_total_ordered CHECK (total_min <= total_mid AND total_mid <= total_max)
);

-- One version per family, level, zone and day; family and level compare without case, as
-- the lookup below matches them.
CREATE UNIQUE INDEX pay_band_version_key
    ON pay_band (lower(job_family), lower(level), zone, effective_on);

-- The band in force on `on_day` for a family and level: the person's zone's latest version
-- from that day or before, else the latest version for every zone ('').
CREATE FUNCTION band_in_force(family TEXT, lvl TEXT, person_zone TEXT, on_day DATE)
RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT b.id FROM pay_band b
    WHERE lower(b.job_family) = lower(family) AND lower(b.level) = lower(lvl)
      AND b.zone IN (coalesce(person_zone, ''), '') AND b.effective_on <= on_day
    ORDER BY b.zone = '', b.effective_on DESC
    LIMIT 1
$$;

CREATE TRIGGER pay_band_version BEFORE UPDATE ON pay_band
    FOR EACH ROW EXECUTE FUNCTION bump_version();
CREATE TRIGGER pay_band_audit AFTER UPDATE OR DELETE ON pay_band
    FOR EACH ROW EXECUTE FUNCTION write_audit_entry();
CREATE TRIGGER pay_band_audit_create AFTER INSERT ON pay_band REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION write_audit_creations();

-- Compensation staff manage bands and decide on offers outside them.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
    CHECK (role IN ('admin', 'recruiter', 'analyst', 'viewer', 'compensation'));

-- Bands are imported from CSV like companies and people.
ALTER TABLE import_batch DROP CONSTRAINT import_batch_kind_check;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_kind_check
    CHECK (kind IN ('companies', 'people', 'pay bands'));
ALTER TABLE import_item DROP CONSTRAINT import_item_record_table_check;
ALTER TABLE import_item ADD CONSTRAINT import_item_record_table_check
    CHECK (record_table IN ('company', 'person', 'pay_report', 'pay_band'));
