-- The gateway's own data, one table per kind. Every key starts with school_id: one database may
-- later hold several schools of a board; today every row has the school id 'default'.
-- Records are kept whole in `doc` (json, not jsonb: what was stored comes back exactly, key order
-- and all); the columns beside it are copies of the fields the store looks up or orders by.

CREATE TABLE accounts (
  school_id   text        NOT NULL,
  id          text        NOT NULL,
  username    text        NOT NULL,
  guardian_id text        NOT NULL,
  seq         bigint      GENERATED ALWAYS AS IDENTITY,
  doc         json        NOT NULL,
  CONSTRAINT accounts_pkey PRIMARY KEY (school_id, id),
  CONSTRAINT accounts_username_key UNIQUE (school_id, username),
  CONSTRAINT accounts_guardian_key UNIQUE (school_id, guardian_id)
);
CREATE INDEX accounts_seq_idx ON accounts (school_id, seq);

CREATE TABLE sessions (
  school_id  text        NOT NULL,
  sid        text        NOT NULL,
  account_id text,
  expires_at timestamptz NOT NULL,
  doc        json        NOT NULL,
  CONSTRAINT sessions_pkey PRIMARY KEY (school_id, sid)
);
CREATE INDEX sessions_account_idx ON sessions (school_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX sessions_expires_idx ON sessions (school_id, expires_at);

CREATE TABLE cache_entries (
  school_id  text        NOT NULL,
  key        text        NOT NULL,
  kind       text        NOT NULL,
  student_id text,
  stored_at  timestamptz NOT NULL,
  doc        json        NOT NULL,
  CONSTRAINT cache_entries_pkey PRIMARY KEY (school_id, key)
);
CREATE INDEX cache_entries_student_idx ON cache_entries (school_id, student_id) WHERE student_id IS NOT NULL;
CREATE INDEX cache_entries_stored_idx ON cache_entries (school_id, stored_at);

CREATE TABLE audit_records (
  school_id  text        NOT NULL,
  id         text        NOT NULL,
  at         timestamptz NOT NULL,
  seq        bigint      GENERATED ALWAYS AS IDENTITY,
  actor      text        NOT NULL,
  action     text        NOT NULL,
  student_id text,
  doc        json        NOT NULL,
  CONSTRAINT audit_records_pkey PRIMARY KEY (school_id, id)
);
-- Newest first is the only order the audit is read in.
CREATE INDEX audit_records_at_idx ON audit_records (school_id, at DESC, seq DESC);
CREATE INDEX audit_records_actor_idx ON audit_records (school_id, actor, at DESC);
CREATE INDEX audit_records_student_idx ON audit_records (school_id, student_id, at DESC) WHERE student_id IS NOT NULL;

-- The named collections (outbox, jobRuns, changeRequests, …); seq keeps the order of first put.
CREATE TABLE documents (
  school_id  text   NOT NULL,
  collection text   NOT NULL,
  id         text   NOT NULL,
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  doc        json   NOT NULL,
  CONSTRAINT documents_pkey PRIMARY KEY (school_id, collection, id)
);
CREATE INDEX documents_seq_idx ON documents (school_id, collection, seq);
