-- CreateTable
CREATE TABLE "text_language_states" (
    "id" UUID NOT NULL,
    "record_kind" VARCHAR(40) NOT NULL,
    "record_id" UUID NOT NULL,
    "field" VARCHAR(40) NOT NULL,
    "source_language" "language" NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "source_sha256" CHAR(64),
    "requested_by_id" UUID,
    "requested_at" TIMESTAMPTZ(3),
    "translated_by_id" UUID,
    "translated_at" TIMESTAMPTZ(3),
    "verified_by_id" UUID,
    "verified_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "text_language_states_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "text_language_states_state_idx" ON "text_language_states"("state");

-- CreateIndex
CREATE UNIQUE INDEX "text_language_states_record_kind_record_id_field_key" ON "text_language_states"("record_kind", "record_id", "field");

-- Hand-written (issue 21). The language state of every bilingual text, kept current by the database itself so
-- no command can forget: a trigger on each table holding bilingual texts calls translation_sync for each of its
-- fields on INSERT and UPDATE. The commands of lib/translation then add who requested, imported or verified.
-- The state says where the other language (not the source) stands:
--   missing       the other language is empty
--   requested     the other language is empty and a translation was requested
--   translated    both languages are written, the other one not yet verified
--   verified      a person with translation.verify checked the other language against the source
--   needs_review  the source changed after its other language was translated or verified
ALTER TABLE "text_language_states"
  ADD CONSTRAINT "text_language_states_state_check" CHECK ("state" IN ('missing', 'requested', 'translated', 'verified', 'needs_review')),
  ADD CONSTRAINT "text_language_states_kind_check" CHECK ("record_kind" ~ '^[a-z_]{1,40}$' AND "field" ~ '^[a-z_]{1,40}$'),
  ADD CONSTRAINT "text_language_states_sha_check" CHECK ("source_sha256" IS NULL OR "source_sha256" ~ '^[0-9a-f]{64}$');

CREATE FUNCTION translation_sha256(value text) RETURNS char(64) LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(value, 'UTF8')), 'hex')
$$;

-- The person acting, when a command of lib/translation names them (set_config('iwgtip.actor_id', id, true)).
CREATE FUNCTION translation_actor() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('iwgtip.actor_id', true), '')::uuid
$$;

CREATE FUNCTION translation_sync(kind text, rid uuid, fld text, new_en text, new_fr text, old_en text, old_fr text)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  en text := nullif(btrim(coalesce(new_en, '')), '');
  fr text := nullif(btrim(coalesce(new_fr, '')), '');
  row_ text_language_states%ROWTYPE;
  src "language";
  src_text text;
  other_text text;
  old_src text;
  old_other text;
BEGIN
  SELECT * INTO row_ FROM text_language_states WHERE record_kind = kind AND record_id = rid AND field = fld FOR UPDATE;
  IF en IS NULL AND fr IS NULL THEN
    -- Nothing written in either language: nothing to translate (the row, derived bookkeeping, goes).
    IF FOUND THEN DELETE FROM text_language_states WHERE id = row_.id; END IF;
    RETURN;
  END IF;
  IF NOT FOUND THEN
    src := CASE WHEN en IS NOT NULL THEN 'en'::"language" ELSE 'fr'::"language" END;
    INSERT INTO text_language_states (id, record_kind, record_id, field, source_language, state, source_sha256, translated_by_id, translated_at)
    VALUES (gen_random_uuid(), kind, rid, fld, src,
            CASE WHEN en IS NOT NULL AND fr IS NOT NULL THEN 'translated' ELSE 'missing' END,
            CASE WHEN en IS NOT NULL AND fr IS NOT NULL THEN translation_sha256(en) END,
            CASE WHEN en IS NOT NULL AND fr IS NOT NULL THEN translation_actor() END,
            CASE WHEN en IS NOT NULL AND fr IS NOT NULL THEN now() END);
    RETURN;
  END IF;
  src := row_.source_language;
  src_text := CASE WHEN src = 'en' THEN en ELSE fr END;
  other_text := CASE WHEN src = 'en' THEN fr ELSE en END;
  old_src := nullif(btrim(coalesce(CASE WHEN src = 'en' THEN old_en ELSE old_fr END, '')), '');
  old_other := nullif(btrim(coalesce(CASE WHEN src = 'en' THEN old_fr ELSE old_en END, '')), '');
  IF src_text IS NULL THEN
    -- The source was emptied and the other language remains: that one is now the source, and its other is missing.
    UPDATE text_language_states SET source_language = CASE WHEN src = 'en' THEN 'fr'::"language" ELSE 'en'::"language" END,
      state = 'missing', source_sha256 = NULL, updated_at = now() WHERE id = row_.id;
  ELSIF other_text IS NULL THEN
    UPDATE text_language_states SET state = CASE WHEN row_.state = 'requested' THEN 'requested' ELSE 'missing' END,
      source_sha256 = NULL, updated_at = now() WHERE id = row_.id AND (state NOT IN ('missing', 'requested') OR source_sha256 IS NOT NULL);
  ELSIF old_src IS DISTINCT FROM src_text AND row_.state IN ('translated', 'verified', 'needs_review') THEN
    -- The source changed after its other language was written: the translation needs review.
    UPDATE text_language_states SET state = 'needs_review', updated_at = now() WHERE id = row_.id;
  ELSIF old_other IS DISTINCT FROM other_text OR row_.state IN ('missing', 'requested') THEN
    -- The other language was (re)written: translated, of this source.
    UPDATE text_language_states SET state = 'translated', source_sha256 = translation_sha256(src_text),
      translated_by_id = translation_actor(), translated_at = now(), verified_by_id = NULL, verified_at = NULL, updated_at = now()
      WHERE id = row_.id;
  END IF;
END
$$;

-- One trigger function for every table: TG_ARGV[0] is the record kind, the others the fields' base names
-- (field_en / field_fr are the columns).
CREATE FUNCTION translation_track() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n jsonb := to_jsonb(NEW);
  o jsonb := CASE WHEN TG_OP = 'UPDATE' THEN to_jsonb(OLD) END;
  i int;
  f text;
BEGIN
  FOR i IN 1 .. TG_NARGS - 1 LOOP
    f := TG_ARGV[i];
    IF TG_OP = 'INSERT' OR (n ->> (f || '_en')) IS DISTINCT FROM (o ->> (f || '_en')) OR (n ->> (f || '_fr')) IS DISTINCT FROM (o ->> (f || '_fr')) THEN
      PERFORM translation_sync(TG_ARGV[0], NEW.id, f, n ->> (f || '_en'), n ->> (f || '_fr'), o ->> (f || '_en'), o ->> (f || '_fr'));
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE TRIGGER "initiatives_translation" AFTER INSERT OR UPDATE ON "initiatives" FOR EACH ROW EXECUTE FUNCTION translation_track('initiative', 'title', 'summary');
CREATE TRIGGER "status_updates_translation" AFTER INSERT OR UPDATE ON "status_updates" FOR EACH ROW EXECUTE FUNCTION translation_track('status_update', 'narrative');
CREATE TRIGGER "milestones_translation" AFTER INSERT OR UPDATE ON "milestones" FOR EACH ROW EXECUTE FUNCTION translation_track('milestone', 'title');
CREATE TRIGGER "expected_results_translation" AFTER INSERT OR UPDATE ON "expected_results" FOR EACH ROW EXECUTE FUNCTION translation_track('expected_result', 'title', 'description');
CREATE TRIGGER "indicators_translation" AFTER INSERT OR UPDATE ON "indicators" FOR EACH ROW EXECUTE FUNCTION translation_track('indicator', 'name', 'methodology', 'data_source');
CREATE TRIGGER "meetings_translation" AFTER INSERT OR UPDATE ON "meetings" FOR EACH ROW EXECUTE FUNCTION translation_track('meeting', 'title');
CREATE TRIGGER "agenda_items_translation" AFTER INSERT OR UPDATE ON "agenda_items" FOR EACH ROW EXECUTE FUNCTION translation_track('agenda_item', 'title');
CREATE TRIGGER "decisions_translation" AFTER INSERT OR UPDATE ON "decisions" FOR EACH ROW EXECUTE FUNCTION translation_track('decision', 'text');
CREATE TRIGGER "minutes_translation" AFTER INSERT OR UPDATE ON "minutes" FOR EACH ROW EXECUTE FUNCTION translation_track('minutes', 'body');

-- The texts already written.
SELECT translation_sync('initiative', id, 'title', title_en, title_fr, NULL, NULL) FROM initiatives;
SELECT translation_sync('initiative', id, 'summary', summary_en, summary_fr, NULL, NULL) FROM initiatives;
SELECT translation_sync('status_update', id, 'narrative', narrative_en, narrative_fr, NULL, NULL) FROM status_updates;
SELECT translation_sync('milestone', id, 'title', title_en, title_fr, NULL, NULL) FROM milestones;
SELECT translation_sync('expected_result', id, 'title', title_en, title_fr, NULL, NULL) FROM expected_results;
SELECT translation_sync('expected_result', id, 'description', description_en, description_fr, NULL, NULL) FROM expected_results;
SELECT translation_sync('indicator', id, 'name', name_en, name_fr, NULL, NULL) FROM indicators;
SELECT translation_sync('indicator', id, 'methodology', methodology_en, methodology_fr, NULL, NULL) FROM indicators;
SELECT translation_sync('indicator', id, 'data_source', data_source_en, data_source_fr, NULL, NULL) FROM indicators;
SELECT translation_sync('meeting', id, 'title', title_en, title_fr, NULL, NULL) FROM meetings;
SELECT translation_sync('agenda_item', id, 'title', title_en, title_fr, NULL, NULL) FROM agenda_items;
SELECT translation_sync('decision', id, 'text', text_en, text_fr, NULL, NULL) FROM decisions;
SELECT translation_sync('minutes', id, 'body', body_en, body_fr, NULL, NULL) FROM minutes;

-- An agenda item may be written in one official language first (like an initiative's title): the translation
-- workflow tracks the other, and publishing the agenda refuses while one is missing (lib/agenda publish).
ALTER TABLE "agenda_items" DROP CONSTRAINT "agenda_items_titles_check";
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_titles_check" CHECK (btrim("title_en") <> '' OR btrim("title_fr") <> '');
