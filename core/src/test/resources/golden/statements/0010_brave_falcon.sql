ALTER TABLE users ADD COLUMN note text;
