-- An initiative (and a milestone) needs a title in at least one official language, not both (issue 4): a
-- department may record an initiative in the language it works in and the translation follows later. The
-- missing title is stored as '' (the columns stay NOT NULL so every reader keeps a string) and pages show the
-- other language with its "(English only)" / "(français seulement)" marker. Titles stay bounded by varchar(300).
ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_titles_check";
ALTER TABLE "initiatives"
  ADD CONSTRAINT "initiatives_titles_check" CHECK (btrim("title_en") <> '' OR btrim("title_fr") <> '');

ALTER TABLE "milestones" DROP CONSTRAINT "milestones_titles_check";
ALTER TABLE "milestones"
  ADD CONSTRAINT "milestones_titles_check" CHECK (btrim("title_en") <> '' OR btrim("title_fr") <> '');
