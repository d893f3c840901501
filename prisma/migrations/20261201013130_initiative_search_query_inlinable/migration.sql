-- Hand-written migration: add SQL below, each block with a comment saying why.

-- initiative_search_query as an expression PostgreSQL inlines into the query that calls it. Declared IMMUTABLE
-- around immutable_unaccent (an SQL function itself), it was evaluated whole while planning the list's statement,
-- as an SQL statement of its own: a second statement per search in pg_stat_statements, and SQL-function overhead
-- on every search. Calling the C function unaccent() with its dictionary named explicitly (what immutable_unaccent
-- does) makes the body STABLE, so the function is declared STABLE and inlined: one statement per search. Same
-- recipe, same results (tests/integration/db/constraints.test.ts).
CREATE OR REPLACE FUNCTION "initiative_search_query"(search text) RETURNS tsquery
  LANGUAGE sql STABLE PARALLEL SAFE STRICT
  AS $$
    SELECT websearch_to_tsquery('english'::regconfig, public.unaccent('public.unaccent'::regdictionary, search))
        || websearch_to_tsquery('french'::regconfig, public.unaccent('public.unaccent'::regdictionary, search))
        || websearch_to_tsquery('simple'::regconfig, public.unaccent('public.unaccent'::regdictionary, search))
  $$;
