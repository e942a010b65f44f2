-- Login, reset and mail limits shared by every instance (gateway/auth/throttle-state.ts). Times in
-- epoch ms, exactly as the in-process counters keep them.
CREATE TABLE throttle_counters (
  school_id  text    NOT NULL,
  key        text    NOT NULL,
  count      integer NOT NULL,
  first_at   bigint  NOT NULL,
  last_at    bigint  NOT NULL,
  expires_at bigint  NOT NULL,
  CONSTRAINT throttle_counters_pkey PRIMARY KEY (school_id, key)
);
CREATE INDEX throttle_counters_expires_idx ON throttle_counters (school_id, expires_at);
