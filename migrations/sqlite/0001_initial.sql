-- Summit's data model. Times are UTC seconds since the Unix epoch (INTEGER), flags are 0/1,
-- money is integer cents: the same columns read the same way on SQLite and PostgreSQL.

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    slug TEXT NOT NULL UNIQUE,
    title_fr TEXT NOT NULL,
    title_en TEXT NOT NULL,
    description_fr TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    organiser TEXT NOT NULL DEFAULT '',
    timezone TEXT NOT NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    format TEXT NOT NULL,
    venue TEXT,
    in_person_capacity INTEGER,
    online_capacity INTEGER,
    registration_opens_at INTEGER,
    registration_closes_at INTEGER,
    status TEXT NOT NULL DEFAULT 'draft',
    stream_url TEXT,
    requires_approval INTEGER NOT NULL DEFAULT 0,
    online_for_in_person INTEGER NOT NULL DEFAULT 0,
    illustrative_note_fr TEXT NOT NULL DEFAULT '',
    illustrative_note_en TEXT NOT NULL DEFAULT '',
    privacy_notice_fr TEXT NOT NULL DEFAULT '',
    privacy_notice_en TEXT NOT NULL DEFAULT '',
    license TEXT NOT NULL DEFAULT 'CC-BY-4.0',
    refund_until INTEGER,
    badge_public_key TEXT,
    badge_private_key TEXT,
    revision INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE rooms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    capacity INTEGER,
    UNIQUE (event_id, name)
);

CREATE TABLE tracks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    name_en TEXT NOT NULL,
    color TEXT NOT NULL,
    UNIQUE (event_id, slug)
);

CREATE TABLE speakers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    affiliation_fr TEXT NOT NULL DEFAULT '',
    affiliation_en TEXT NOT NULL DEFAULT '',
    bio_fr TEXT NOT NULL DEFAULT '',
    bio_en TEXT NOT NULL DEFAULT '',
    photo_content_type TEXT,
    photo BLOB
);
CREATE INDEX speakers_event ON speakers (event_id);

CREATE TABLE sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    title_fr TEXT NOT NULL,
    title_en TEXT NOT NULL,
    description_fr TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL,
    room_id INTEGER REFERENCES rooms(id) ON DELETE SET NULL,
    track_id INTEGER REFERENCES tracks(id) ON DELETE SET NULL,
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    format TEXT NOT NULL,
    capacity INTEGER,
    requires_signup INTEGER NOT NULL DEFAULT 0,
    stream_url TEXT,
    status TEXT NOT NULL DEFAULT 'scheduled',
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX sessions_event_start ON sessions (event_id, starts_at);
CREATE INDEX sessions_room ON sessions (room_id, starts_at);

CREATE TABLE session_speakers (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, speaker_id)
);
CREATE INDEX session_speakers_speaker ON session_speakers (speaker_id);

CREATE TABLE ticket_types (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL DEFAULT 0,
    currency TEXT NOT NULL DEFAULT 'EUR',
    quota INTEGER,
    attendance TEXT,
    sales_start INTEGER,
    sales_end INTEGER,
    created_at INTEGER NOT NULL
);
CREATE INDEX ticket_types_event ON ticket_types (event_id);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    role_title TEXT NOT NULL DEFAULT '',
    badge_role TEXT NOT NULL DEFAULT 'attendee',
    attendance TEXT NOT NULL,
    language TEXT NOT NULL,
    ticket_type_id INTEGER REFERENCES ticket_types(id),
    status TEXT NOT NULL,
    waitlist_seq INTEGER,
    hold_expires_at INTEGER,
    accessibility_needs TEXT NOT NULL DEFAULT '',
    consent_at INTEGER,
    badge_version INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    cancelled_at INTEGER,
    UNIQUE (event_id, email_normalized)
);
CREATE INDEX registrations_event_status ON registrations (event_id, status, attendance);

CREATE TABLE session_signups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id INTEGER NOT NULL REFERENCES registrations(id) ON DELETE CASCADE,
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    waitlist_seq INTEGER,
    created_at INTEGER NOT NULL,
    UNIQUE (registration_id, session_id)
);
CREATE INDEX session_signups_session ON session_signups (session_id, status);

CREATE TABLE checkins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    attendance TEXT NOT NULL DEFAULT 'in_person',
    gate TEXT NOT NULL DEFAULT '',
    nonce TEXT UNIQUE,
    scanned_at INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX checkins_once ON checkins (event_id, registration_id, session_id);

CREATE TABLE online_joins (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
    joined_at INTEGER NOT NULL
);

CREATE TABLE payments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE SET NULL,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    checkout_session_id TEXT UNIQUE,
    payment_intent_id TEXT,
    amount_cents INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE stripe_events (
    id TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    received_at INTEGER NOT NULL
);

CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT,
    role TEXT NOT NULL,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);

CREATE TABLE password_setups (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES staff_users(id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    event_id INTEGER REFERENCES events(id) ON DELETE CASCADE,
    label TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    registration_id INTEGER REFERENCES registrations(id) ON DELETE CASCADE,
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_at INTEGER,
    sent_at INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
