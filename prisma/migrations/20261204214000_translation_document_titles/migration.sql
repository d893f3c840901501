-- Document titles join the translation workflow (issue 21): their language state is kept like every other
-- bilingual text's (lib/translation/kinds.ts), so the queue lists them, XLIFF carries them and they are verified.
CREATE TRIGGER "documents_translation" AFTER INSERT OR UPDATE ON "documents" FOR EACH ROW EXECUTE FUNCTION translation_track('document', 'title');

-- The titles already written.
SELECT translation_sync('document', id, 'title', title_en, title_fr, NULL, NULL) FROM documents;
