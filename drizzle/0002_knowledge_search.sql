-- Knowledge search folds accents (Fryslân, café) with unaccent; available on PGlite and PostgreSQL alike.
CREATE EXTENSION IF NOT EXISTS unaccent;
