CREATE TABLE audit_log (id bigint, at timestamptz);
