DROP TABLE mail_opt_out;
DROP TABLE outbox;
