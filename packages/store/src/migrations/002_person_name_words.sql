-- Name search by word prefix, served from an index rather than a scan of everyone: each word of a
-- person's given and family names, lower-cased, with hyphenated and apostrophised names also split
-- into their parts. Keyed by person_id first like every person-scoped table, so it distributes with
-- person.

CREATE FUNCTION person_name_words(given_names text, family_name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE AS $$
  SELECT word FROM (
    SELECT regexp_split_to_table(lower(coalesce(given_names, '') || ' ' || coalesce(family_name, '')), '\s+') AS word
    UNION
    SELECT regexp_split_to_table(lower(coalesce(given_names, '') || ' ' || coalesce(family_name, '')), '[\s-]+')
    UNION
    SELECT regexp_split_to_table(lower(coalesce(given_names, '') || ' ' || coalesce(family_name, '')), '[\s''-]+')
  ) words
  WHERE word <> ''
$$;

CREATE TABLE person_name_word (
  person_id text NOT NULL,
  word      text NOT NULL,
  PRIMARY KEY (person_id, word)
);
CREATE INDEX person_name_word_by_word ON person_name_word (word text_pattern_ops);

INSERT INTO person_name_word (person_id, word)
SELECT p.person_id, w FROM person p CROSS JOIN LATERAL person_name_words(p.given_names, p.family_name) w;
