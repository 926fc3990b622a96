-- Small IMMUTABLE text helpers shared by constraints, generated columns, indexes and search.

-- unaccent() is only STABLE (it depends on search_path to find its dictionary), so it cannot
-- appear in an index or a generated column. Naming the dictionary explicitly makes it immutable.
CREATE FUNCTION humas.f_unaccent(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN public.unaccent('public.unaccent'::regdictionary, t);

-- The search form of a name: unaccented, lower case, apostrophes dropped (Ma'ruf -> maruf),
-- every other run of non-alphanumerics one space. 'Búdi  SANTOSO' -> 'budi santoso'.
CREATE FUNCTION humas.norm_text(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN btrim(regexp_replace(
           lower(regexp_replace(humas.f_unaccent(t), '[''`´‘’]', '', 'g')),
           '[^[:alnum:]]+', ' ', 'g'));

-- Lower-cased copy of an e-mail array: the index key for duplicate detection, so addresses are
-- compared case-insensitively whatever case the service stored.
CREATE FUNCTION humas.lower_array(a text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN ARRAY(SELECT lower(x) FROM unnest(a) AS x);

-- Constraint helpers (CHECK cannot hold a sub-query, a function can).
CREATE FUNCTION humas.valid_emails(a text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN NOT EXISTS (SELECT 1 FROM unnest(a) AS x
                   WHERE x IS NULL OR x !~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$');

-- E.164: '+', country code, up to 15 digits in all (the service normalizes 0812... to +62812...).
CREATE FUNCTION humas.valid_phones(a text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN NOT EXISTS (SELECT 1 FROM unnest(a) AS x WHERE x IS NULL OR x !~ '^\+[1-9][0-9]{6,14}$');

-- Tags: non-empty, lower case, no spaces (so a tag filter is an exact array match).
CREATE FUNCTION humas.valid_tags(a text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN NOT EXISTS (SELECT 1 FROM unnest(a) AS x WHERE x IS NULL OR x !~ '^[a-z0-9][a-z0-9_.:-]*$');

GRANT EXECUTE ON FUNCTION humas.f_unaccent(text), humas.norm_text(text), humas.lower_array(text[]),
    humas.valid_emails(text[]), humas.valid_phones(text[]), humas.valid_tags(text[]) TO humas_app;
