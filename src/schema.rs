// @generated automatically by Diesel CLI.

diesel::table! {
    api_token (id) {
        id -> Int8,
        user_id -> Int8,
        name -> Text,
        token_hash -> Bytea,
        read_only -> Bool,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    app_user (id) {
        id -> Int8,
        email -> Text,
        display_name -> Text,
        role -> Text,
        password_hash -> Text,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        password_link_expires_at -> Nullable<Timestamptz>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    audit_log (id) {
        id -> Int8,
        at -> Timestamptz,
        actor -> Text,
        record_table -> Text,
        record_id -> Int8,
        action -> Text,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
    }
}

diesel::table! {
    company (id) {
        id -> Int8,
        name -> Text,
        kind -> Text,
        website -> Nullable<Text>,
        country -> Nullable<Text>,
        notes -> Nullable<Text>,
        is_demo -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        version -> Int4,
        name_key -> Text,
    }
}

diesel::table! {
    company_person_count (company_id, side, shard) {
        company_id -> Int8,
        side -> Text,
        shard -> Int2,
        n -> Int8,
    }
}

diesel::table! {
    duplicate_dismissal (low_id, high_id) {
        low_id -> Int8,
        high_id -> Int8,
        dismissed_by -> Nullable<Int8>,
        dismissed_at -> Timestamptz,
    }
}

diesel::table! {
    duplicate_pair (low_id, high_id) {
        low_id -> Int8,
        high_id -> Int8,
        same_origin -> Bool,
        shared_source -> Bool,
    }
}

diesel::table! {
    exchange_rate (id) {
        id -> Int8,
        currency -> Text,
        rate_on -> Date,
        rate -> Numeric,
        is_demo -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    import_batch (id) {
        id -> Int8,
        file_name -> Text,
        kind -> Text,
        status -> Text,
        content -> Nullable<Bytea>,
        imported_by -> Text,
        rows_total -> Int4,
        created_count -> Int4,
        updated_count -> Int4,
        skipped_count -> Int4,
        created_at -> Timestamptz,
        applied_at -> Nullable<Timestamptz>,
        reverted_at -> Nullable<Timestamptz>,
        imported_by_user_id -> Nullable<Int8>,
    }
}

diesel::table! {
    import_item (id) {
        id -> Int8,
        batch_id -> Int8,
        record_table -> Text,
        record_id -> Int8,
        action -> Text,
        before -> Nullable<Jsonb>,
        after -> Nullable<Jsonb>,
    }
}

diesel::table! {
    live_schema (only_row) {
        only_row -> Bool,
        hash -> Text,
        refresh_figures -> Bool,
    }
}

diesel::table! {
    login_attempt (id) {
        id -> Int8,
        email -> Text,
        address -> Text,
        attempted_at -> Timestamptz,
    }
}

diesel::table! {
    mail_opt_out (user_id, kind) {
        user_id -> Int8,
        kind -> Text,
    }
}

diesel::table! {
    offer_check (pay_report_id) {
        pay_report_id -> Int8,
        person_id -> Int8,
        as_of -> Date,
        currency -> Text,
        band_currency -> Nullable<Text>,
        family_key -> Nullable<Text>,
        level_key -> Nullable<Text>,
        status -> Text,
        base_compa -> Nullable<Numeric>,
        base_inside -> Nullable<Bool>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Int8,
        channel -> Text,
        kind -> Text,
        event_key -> Nullable<Text>,
        recipient_user_id -> Nullable<Int8>,
        recipient -> Text,
        payload -> Jsonb,
        status -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        sent_at -> Nullable<Timestamptz>,
        webhook_endpoint_id -> Nullable<Int8>,
        response_code -> Nullable<Int4>,
    }
}

diesel::table! {
    password_link (user_id) {
        user_id -> Int8,
        token_hash -> Bytea,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    pay_band (id) {
        id -> Int8,
        job_family -> Text,
        level -> Text,
        zone -> Text,
        currency -> Text,
        base_min -> Numeric,
        base_mid -> Numeric,
        base_max -> Numeric,
        total_min -> Nullable<Numeric>,
        total_mid -> Nullable<Numeric>,
        total_max -> Nullable<Numeric>,
        effective_on -> Date,
        is_demo -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        version -> Int4,
    }
}

diesel::table! {
    pay_decision (id) {
        id -> Int8,
        pay_report_id -> Int8,
        pay_band_id -> Int8,
        decided_by -> Nullable<Int8>,
        decision -> Text,
        reason -> Text,
        figures -> Jsonb,
        decided_at -> Timestamptz,
        is_demo -> Bool,
    }
}

diesel::table! {
    pay_figure (pay_report_id) {
        pay_report_id -> Int8,
        person_id -> Int8,
        origin_company_id -> Nullable<Int8>,
        hiring_company_id -> Nullable<Int8>,
        title -> Nullable<Text>,
        kind -> Text,
        confidence -> Text,
        currency -> Text,
        as_of -> Date,
        value -> Nullable<Numeric>,
        rate_on -> Nullable<Date>,
        latest -> Bool,
        latest_of_kind -> Bool,
        latest_of_confidence -> Bool,
        latest_of_both -> Bool,
        next_as_of -> Nullable<Date>,
        next_as_of_kind -> Nullable<Date>,
        next_as_of_confidence -> Nullable<Date>,
        next_as_of_both -> Nullable<Date>,
    }
}

diesel::table! {
    pay_report (id) {
        id -> Int8,
        person_id -> Int8,
        kind -> Text,
        currency -> Text,
        amount_low -> Numeric,
        amount_high -> Numeric,
        period -> Text,
        period_years -> Nullable<Int2>,
        base -> Nullable<Numeric>,
        bonus -> Nullable<Numeric>,
        equity -> Nullable<Numeric>,
        sign_on -> Nullable<Numeric>,
        as_of -> Date,
        source_name -> Nullable<Text>,
        source_url -> Nullable<Text>,
        confidence -> Text,
        notes -> Nullable<Text>,
        is_demo -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        version -> Int4,
    }
}

diesel::table! {
    /// Not printed by diesel: without a primary key (its unique key holds the nullable `grp`),
    /// so diesel.toml leaves it out and src/schema.patch adds it, keyed on that unique key.
    pay_value_count (grouped_by, grp, bucket, shard) {
        grouped_by -> Text,
        grp -> Nullable<Text>,
        bucket -> Numeric,
        shard -> Int2,
        n -> Int8,
    }
}

diesel::table! {
    person (id) {
        id -> Int8,
        full_name -> Text,
        title -> Nullable<Text>,
        expertise -> Nullable<Text>,
        origin_company_id -> Nullable<Int8>,
        hiring_company_id -> Nullable<Int8>,
        team -> Nullable<Text>,
        stage -> Text,
        first_contact_on -> Nullable<Date>,
        offer_on -> Nullable<Date>,
        decided_on -> Nullable<Date>,
        start_on -> Nullable<Date>,
        location -> Nullable<Text>,
        notes -> Nullable<Text>,
        is_demo -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        version -> Int4,
        name_key -> Text,
        job_family -> Nullable<Text>,
        level -> Nullable<Text>,
        zone -> Nullable<Text>,
        range_disclosed_on -> Nullable<Date>,
        erased_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    person_fact (person_id) {
        person_id -> Int8,
        stage -> Text,
        origin_company_id -> Nullable<Int8>,
        hiring_company_id -> Nullable<Int8>,
        hired_on -> Nullable<Date>,
        entered_on -> Nullable<Date>,
        entered -> Int2,
        pay_report_id -> Nullable<Int8>,
        value -> Nullable<Numeric>,
    }
}

diesel::table! {
    person_file (id) {
        id -> Int8,
        person_id -> Int8,
        uploaded_by -> Nullable<Int8>,
        file_name -> Text,
        content_type -> Text,
        byte_size -> Int8,
        uploaded_at -> Timestamptz,
        stored_in -> Text,
        sha256 -> Bytea,
    }
}

diesel::table! {
    person_file_content (file_id) {
        file_id -> Int8,
        content -> Bytea,
    }
}

diesel::table! {
    person_merge (id) {
        id -> Int8,
        survivor_id -> Int8,
        removed_id -> Int8,
        survivor_before -> Jsonb,
        survivor_after -> Jsonb,
        removed_before -> Jsonb,
        /// These arrays hold no NULL (CHECKs person_merge_ids_given and
        /// person_merge_moved_given), which print-schema cannot know: their elements are not
        /// Nullable.
        pay_report_ids -> Array<Int8>,
        pay_report_versions -> Array<Int4>,
        stage_change_ids -> Array<Int8>,
        import_item_ids -> Array<Int8>,
        dismissals -> Jsonb,
        merged_by -> Nullable<Int8>,
        merged_at -> Timestamptz,
        undone_by -> Nullable<Int8>,
        undone_at -> Nullable<Timestamptz>,
        /// Like the four above (person_merge_moved_given).
        note_ids -> Array<Int8>,
        file_ids -> Array<Int8>,
        collapsed -> Jsonb,
    }
}

diesel::table! {
    person_note (id) {
        id -> Int8,
        person_id -> Int8,
        author_id -> Nullable<Int8>,
        body -> Text,
        created_at -> Timestamptz,
        edited_at -> Nullable<Timestamptz>,
        version -> Int4,
    }
}

diesel::table! {
    pipeline_count (stage, entered, shard) {
        stage -> Text,
        entered -> Int2,
        n -> Int8,
        shard -> Int2,
    }
}

diesel::table! {
    report_setting (singleton) {
        singleton -> Bool,
        reporting_currency -> Text,
    }
}

diesel::table! {
    setup_link (token_hash) {
        token_hash -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    sso_identity (user_id) {
        user_id -> Int8,
        issuer -> Text,
        subject -> Text,
        first_login_at -> Timestamptz,
        last_login_at -> Timestamptz,
    }
}

diesel::table! {
    stage_change (id) {
        id -> Int8,
        person_id -> Int8,
        from_stage -> Nullable<Text>,
        to_stage -> Text,
        changed_at -> Timestamptz,
    }
}

diesel::table! {
    stage_stay (stage_change_id) {
        stage_change_id -> Int8,
        person_id -> Int8,
        stage -> Text,
        days -> Nullable<Numeric>,
        origin_company_id -> Nullable<Int8>,
        hiring_company_id -> Nullable<Int8>,
        entered_on -> Date,
    }
}

diesel::table! {
    stage_stay_count (stage, whole_days, shard) {
        stage -> Text,
        whole_days -> Int4,
        n -> Int8,
        shard -> Int2,
    }
}

diesel::table! {
    user_session (id_hash) {
        id_hash -> Bytea,
        user_id -> Int8,
        csrf_token -> Text,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
    }
}

diesel::table! {
    webhook_endpoint (id) {
        id -> Int8,
        url -> Text,
        events -> Array<Nullable<Text>>,
        secret -> Text,
        may_receive_pay -> Bool,
        active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        version -> Int4,
        old_secret -> Nullable<Text>,
        old_secret_expires_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(api_token -> app_user (user_id));
diesel::joinable!(duplicate_dismissal -> app_user (dismissed_by));
diesel::joinable!(import_batch -> app_user (imported_by_user_id));
diesel::joinable!(import_item -> import_batch (batch_id));
diesel::joinable!(mail_opt_out -> app_user (user_id));
diesel::joinable!(outbox -> app_user (recipient_user_id));
diesel::joinable!(outbox -> webhook_endpoint (webhook_endpoint_id));
diesel::joinable!(password_link -> app_user (user_id));
diesel::joinable!(pay_decision -> app_user (decided_by));
diesel::joinable!(pay_decision -> pay_band (pay_band_id));
diesel::joinable!(pay_decision -> pay_report (pay_report_id));
diesel::joinable!(pay_report -> person (person_id));
diesel::joinable!(person_file -> app_user (uploaded_by));
diesel::joinable!(person_file -> person (person_id));
diesel::joinable!(person_file_content -> person_file (file_id));
diesel::joinable!(person_merge -> person (survivor_id));
diesel::joinable!(person_note -> app_user (author_id));
diesel::joinable!(person_note -> person (person_id));
diesel::joinable!(sso_identity -> app_user (user_id));
diesel::joinable!(stage_change -> person (person_id));
diesel::joinable!(user_session -> app_user (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    api_token,
    app_user,
    audit_log,
    company,
    company_person_count,
    duplicate_dismissal,
    duplicate_pair,
    exchange_rate,
    import_batch,
    import_item,
    live_schema,
    login_attempt,
    mail_opt_out,
    offer_check,
    outbox,
    password_link,
    pay_band,
    pay_decision,
    pay_figure,
    pay_report,
    pay_value_count,
    person,
    person_fact,
    person_file,
    person_file_content,
    person_merge,
    person_note,
    pipeline_count,
    report_setting,
    setup_link,
    sso_identity,
    stage_change,
    stage_stay,
    stage_stay_count,
    user_session,
    webhook_endpoint,
);
