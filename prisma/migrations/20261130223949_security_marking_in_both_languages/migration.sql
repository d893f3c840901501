-- The security marking setting becomes one text per language, {"en": ..., "fr": ...}, which the administrators'
-- settings page validates separately. A marking stored as one bilingual string ("UNCLASSIFIED / NON CLASSIFIÉ")
-- is split at its first " / "; one without a separator is kept as is in both languages.
UPDATE "settings"
SET "value" = CASE
      WHEN position(' / ' IN "value" #>> '{}') > 0 THEN jsonb_build_object(
        'en', btrim(split_part("value" #>> '{}', ' / ', 1)),
        'fr', btrim(substr("value" #>> '{}', position(' / ' IN "value" #>> '{}') + 3)))
      ELSE jsonb_build_object('en', btrim("value" #>> '{}'), 'fr', btrim("value" #>> '{}'))
    END,
    "version" = "version" + 1,
    "updated_at" = CURRENT_TIMESTAMP
WHERE "key" = 'securityMarking' AND jsonb_typeof("value") = 'string';
