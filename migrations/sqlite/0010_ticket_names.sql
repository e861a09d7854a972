-- A ticket type is named in French (`name`, or its only name) and in English (`name_en`,
-- empty: the same as `name`), and organisers choose its place on the registration form.
ALTER TABLE ticket_types ADD COLUMN name_en TEXT NOT NULL DEFAULT '';
ALTER TABLE ticket_types ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
