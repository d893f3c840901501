-- Deterministic benchmark data at scale, generated inside PostgreSQL (set-based INSERT ... SELECT, so the
-- largest scale loads in a minute or two). Runs on a database that is migrated and seeded (departments, pillars,
-- users, settings come from the seed). The session setting bench.per_department is the number of initiatives per
-- department.
-- Ids are md5-derived UUIDs of a row's key, so two runs produce the same rows. They carry the version (4) and
-- variant bits of a random UUID: the commands' input schemas refuse anything else.

-- The dashboard's roll-up triggers are off for the bulk load (row by row they would add minutes at the largest
-- scale); dashboard_rebuild() recomputes the roll-ups from the loaded rows at the end, in the same transaction.
ALTER TABLE initiatives DISABLE TRIGGER dashboard_initiatives;
ALTER TABLE status_updates DISABLE TRIGGER dashboard_status_updates;
ALTER TABLE funding_lines DISABLE TRIGGER dashboard_funding_lines;
ALTER TABLE action_items DISABLE TRIGGER dashboard_action_items;
ALTER TABLE meetings DISABLE TRIGGER dashboard_meetings;

CREATE FUNCTION pg_temp.bench_uuid(key text) RETURNS uuid LANGUAGE sql IMMUTABLE
  AS $$ SELECT overlay(overlay(md5(key) PLACING '4' FROM 13) PLACING '8' FROM 17)::uuid $$;

CREATE TEMP TABLE bench_refs AS
SELECT
  (SELECT array_agg(id ORDER BY acronym_en) FROM departments) AS departments,
  (SELECT array_agg(id ORDER BY sort_order) FROM pillars WHERE active) AS pillars,
  (SELECT array_agg(id ORDER BY email) FROM users WHERE role = 'DEPARTMENT_REP') AS reps,
  ARRAY['Awareness campaign', 'Victim support services', 'Border screening', 'Law-enforcement training',
        'Data collection', 'Prosecutor guidance', 'Community outreach', 'International cooperation',
        'Shelter funding', 'Research study']::text[] AS topics_en,
  ARRAY['Campagne de sensibilisation', 'Services d''aide aux victimes', 'Contrôle frontalier',
        'Formation des policiers', 'Collecte de données', 'Guide des procureurs', 'Rayonnement communautaire',
        'Coopération internationale', 'Financement des refuges', 'Étude de recherche']::text[] AS topics_fr,
  ARRAY['Atlantic region', 'Quebec', 'Ontario', 'Prairies', 'British Columbia', 'the North', 'ports of entry',
        'Indigenous communities', 'urban centres', 'rural areas', 'online platforms', 'the hospitality sector',
        'agriculture']::text[] AS regions_en,
  ARRAY['région de l''Atlantique', 'Québec', 'Ontario', 'Prairies', 'Colombie-Britannique', 'le Nord',
        'points d''entrée', 'communautés autochtones', 'centres urbains', 'régions rurales', 'plateformes en ligne',
        'secteur de l''hôtellerie', 'agriculture']::text[] AS regions_fr;

-- Initiatives: current_setting('bench.per_department')::int for each of the 16 departments, led in turn by each.
INSERT INTO initiatives (id, code, title_en, title_fr, summary_en, summary_fr, lead_department_id, primary_pillar_id,
                         status, health, progress, start_date, target_end_date, version, last_updated_at, created_at, updated_at)
SELECT pg_temp.bench_uuid('initiative-' || i),
       'BEN-' || lpad(i::text, 6, '0'),
       r.topics_en[1 + i % 10] || ' in ' || r.regions_en[1 + (i / 10) % 13] || ' #' || i,
       r.topics_fr[1 + i % 10] || ' — ' || r.regions_fr[1 + (i / 10) % 13] || ' no ' || i,
       'A federal initiative on trafficking in persons: ' || lower(r.topics_en[1 + i % 10]) || ' for ' || r.regions_en[1 + (i / 10) % 13] || '.',
       'Une initiative fédérale contre la traite des personnes : ' || lower(r.topics_fr[1 + i % 10]) || ', ' || r.regions_fr[1 + (i / 10) % 13] || '.',
       r.departments[1 + i % 16],
       r.pillars[1 + (i / 16) % array_length(r.pillars, 1)],
       (ARRAY['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'PLANNED', 'COMPLETED', 'ACTIVE', 'CANCELLED'])[1 + (i * 7) % 10]::lifecycle_status,
       NULL, 0,
       DATE '2019-04-01' + (i % 365),
       DATE '2024-03-31' + (i % 365),
       1, NULL, now(), now()
FROM generate_series(1, 16 * current_setting('bench.per_department')::int) AS i, bench_refs r;

-- Two partner departments each, never the lead.
INSERT INTO initiative_partners (initiative_id, department_id)
SELECT pg_temp.bench_uuid('initiative-' || i), r.departments[1 + (i + k) % 16]
FROM generate_series(1, 16 * current_setting('bench.per_department')::int) AS i, (VALUES (3), (7)) AS p(k), bench_refs r;

-- Eight quarterly status updates each, 2019-20 Q1 to 2020-21 Q4.
INSERT INTO status_updates (id, initiative_id, author_id, reporting_period, health, progress, narrative_en, narrative_fr, created_at)
SELECT pg_temp.bench_uuid('update-' || i || '-' || q),
       pg_temp.bench_uuid('initiative-' || i),
       r.reps[1 + i % array_length(r.reps, 1)],
       (2019 + (q - 1) / 4) || '-' || lpad(((2020 + (q - 1) / 4) % 100)::text, 2, '0') || ' Q' || (1 + (q - 1) % 4),
       (ARRAY['GREEN', 'GREEN', 'GREEN', 'AMBER', 'GREEN', 'RED', 'GREEN', 'AMBER'])[1 + (i * 3 + q) % 8]::health,
       least(100, q * 11 + i % 12),
       'Quarter ' || q || ': work continues as planned.',
       'Trimestre ' || q || ' : les travaux se poursuivent comme prévu.',
       TIMESTAMPTZ '2019-07-15 14:00:00+00' + (q - 1) * INTERVAL '3 months' + (i % 20) * INTERVAL '1 day'
FROM generate_series(1, 16 * current_setting('bench.per_department')::int) AS i, generate_series(1, 8) AS q, bench_refs r;

-- The initiative's current health and progress are its latest update's, as posting one would have set them.
UPDATE initiatives AS t
SET health = u.health, progress = u.progress, last_updated_at = u.created_at
FROM (SELECT DISTINCT ON (initiative_id) initiative_id, health, progress, created_at
      FROM status_updates ORDER BY initiative_id, created_at DESC) AS u
WHERE u.initiative_id = t.id AND t.code LIKE 'BEN-%' AND t.status <> 'PLANNED';

-- About five funding lines each: one source over five fiscal years, some partly spent.
INSERT INTO funding_lines (id, initiative_id, source, fiscal_year, allocated_cents, spent_cents, created_at, updated_at)
SELECT pg_temp.bench_uuid('funding-' || i || '-' || fy),
       pg_temp.bench_uuid('initiative-' || i),
       (ARRAY['A-base', 'Budget 2019', 'Contribution program', 'Grants and contributions', 'Reallocation'])[1 + i % 5],
       fy,
       ((i * 7919) % 500 + 10) * 100000::bigint,
       (((i * 7919) % 500 + 10) * 100000::bigint * ((i + fy) % 100)) / 100,
       now(), now()
FROM generate_series(1, 16 * current_setting('bench.per_department')::int) AS i, generate_series(2019, 2023) AS fy;

-- Twenty past meetings, ten agenda items each.
INSERT INTO meetings (id, sequence_number, title_en, title_fr, starts_at, ends_at, location, agenda_status, version, created_at, updated_at)
SELECT pg_temp.bench_uuid('meeting-' || m), 1000 + m,
       'IWGTIP meeting ' || (1000 + m), 'Réunion du GTITP no ' || (1000 + m),
       TIMESTAMPTZ '2019-06-01 14:00:00+00' + m * INTERVAL '3 months',
       TIMESTAMPTZ '2019-06-01 16:00:00+00' + m * INTERVAL '3 months',
       'Ottawa', 'HELD', 1, now(), now()
FROM generate_series(1, 20) AS m
ON CONFLICT (sequence_number) DO NOTHING;

INSERT INTO agenda_items (id, meeting_id, position, title_en, title_fr, kind, minutes, presenting_department_id, initiative_id, created_at, updated_at)
SELECT pg_temp.bench_uuid('agenda-' || m || '-' || p), pg_temp.bench_uuid('meeting-' || m), p,
       'Item ' || p, 'Point ' || p,
       (ARRAY['INFORMATION', 'DISCUSSION', 'DECISION'])[1 + p % 3]::agenda_item_kind,
       10, r.departments[1 + (m + p) % 16],
       pg_temp.bench_uuid('initiative-' || (1 + (m * 10 + p) % (16 * current_setting('bench.per_department')::int))),
       now(), now()
FROM generate_series(1, 20) AS m, generate_series(1, 10) AS p, bench_refs r;

-- Three action items each, due around today, some done, some overdue.
INSERT INTO action_items (id, title_en, title_fr, owner_department_id, initiative_id, meeting_id, due_date, status, completed_at, version, created_at, updated_at)
SELECT pg_temp.bench_uuid('action-' || i || '-' || k),
       'Follow-up ' || k || ' on initiative ' || i, 'Suivi ' || k || ' de l''initiative ' || i,
       r.departments[1 + i % 16],
       pg_temp.bench_uuid('initiative-' || i),
       pg_temp.bench_uuid('meeting-' || (1 + (i + k) % 20)),
       CURRENT_DATE + (((i * 13 + k * 29) % 120) - 60),
       (ARRAY['OPEN', 'IN_PROGRESS', 'DONE', 'OPEN', 'CANCELLED', 'DONE'])[1 + (i + k) % 6]::action_item_status,
       CASE WHEN (ARRAY['OPEN', 'IN_PROGRESS', 'DONE', 'OPEN', 'CANCELLED', 'DONE'])[1 + (i + k) % 6] = 'DONE' THEN now() END,
       1, now(), now()
FROM generate_series(1, 16 * current_setting('bench.per_department')::int) AS i, generate_series(1, 3) AS k, bench_refs r;

-- Discussion (issue 22): initiative BEN-000125 (the last one at small scales) has 200 comments (every fifth a reply, some mentioning the
-- coordinator, some with an initiative code), and the coordinator has 120 notifications, 40 of them unread.
INSERT INTO comments (id, initiative_id, parent_id, author_id, language, body, created_at)
SELECT pg_temp.bench_uuid('comment-' || c),
       pg_temp.bench_uuid('initiative-' || LEAST(125, 16 * current_setting('bench.per_department')::int)),
       CASE WHEN c % 5 = 0 THEN pg_temp.bench_uuid('comment-' || (c - 1)) END,
       r.reps[1 + c % array_length(r.reps, 1)],
       (ARRAY['en', 'fr'])[1 + c % 2]::language,
       CASE WHEN c % 7 = 0 THEN '@coordinator@iwgtip.example could you look at BEN-000124 before the meeting? Comment ' || c
            ELSE 'Benchmark comment ' || c || ': the work goes on as planned, see IWG-0001.' END,
       now() - ((200 - c) || ' minutes')::interval
FROM generate_series(1, 200) AS c, bench_refs r;
INSERT INTO comment_mentions (comment_id, user_id)
SELECT pg_temp.bench_uuid('comment-' || c), (SELECT id FROM users WHERE email = 'coordinator@iwgtip.example')
FROM generate_series(1, 200) AS c WHERE c % 7 = 0;
INSERT INTO notifications (id, recipient_id, kind, actor_id, comment_id, href, title_en, title_fr, read_at, created_at)
SELECT pg_temp.bench_uuid('notification-' || n),
       (SELECT id FROM users WHERE email = 'coordinator@iwgtip.example'),
       'MENTION', r.reps[1 + n % array_length(r.reps, 1)],
       pg_temp.bench_uuid('comment-' || (7 * (1 + n % 28))),
       '/initiatives/' || pg_temp.bench_uuid('initiative-' || LEAST(125, 16 * current_setting('bench.per_department')::int)) || '#comment-' || pg_temp.bench_uuid('comment-' || (7 * (1 + n % 28))),
       'BEN-000125 — benchmark initiative', 'BEN-000125 — initiative du banc d''essai',
       CASE WHEN n > 40 THEN now() END,
       now() - (n || ' minutes')::interval
FROM generate_series(1, 120) AS n, bench_refs r;

-- Results framework (issue 18): 50 expected results per active pillar; bench.indicators_per_initiative indicators
-- (10 unless set; 0 leaves them out) for each initiative, under a result of its primary pillar, its lead department
-- responsible, linked to it; an AT_LEAST target for 2025-26 and 2026-27 (due each following March) and an actual
-- for 2025-26: about a third below the target, explained where the rule asks. Percentages for every fifth.
INSERT INTO expected_results (id, code, pillar_id, level, title_en, title_fr, sort_order, created_at, updated_at)
SELECT pg_temp.bench_uuid('result-' || p || '-' || k), 'ER-B' || p || '-' || lpad(k::text, 3, '0'), r.pillars[p],
       (ARRAY['ULTIMATE_OUTCOME', 'INTERMEDIATE_OUTCOME', 'IMMEDIATE_OUTCOME', 'OUTPUT'])[1 + k % 4]::"ResultLevel",
       'Benchmark result ' || k || ': ' || lower(r.topics_en[1 + k % 10]) || ' improved',
       'Résultat du banc d''essai ' || k || ' : ' || lower(r.topics_fr[1 + k % 10]) || ' amélioré(e)', k, now(), now()
FROM bench_refs r, generate_series(1, array_length(r.pillars, 1)) AS p, generate_series(1, 50) AS k
WHERE COALESCE(NULLIF(current_setting('bench.indicators_per_initiative', true), ''), '10')::int > 0;

CREATE TEMP TABLE bench_indicators AS
SELECT pg_temp.bench_uuid('indicator-' || i || '-' || k) AS id, i, k,
       'BIN-' || lpad(i::text, 6, '0') || '-' || lpad(k::text, 2, '0') AS code,
       pg_temp.bench_uuid('result-' || (1 + (i / 16) % array_length(r.pillars, 1)) || '-' || (1 + (i + k) % 50)) AS result_id,
       r.departments[1 + i % 16] AS department_id,
       (CASE WHEN (i + k) % 5 = 0 THEN 'PERCENT' ELSE 'NUMBER' END)::"IndicatorUnit" AS unit
FROM generate_series(1, 16 * current_setting('bench.per_department')::int) AS i,
     generate_series(1, COALESCE(NULLIF(current_setting('bench.indicators_per_initiative', true), ''), '10')::int) AS k, bench_refs r;

INSERT INTO indicators (id, code, result_id, responsible_department_id, name_en, name_fr, data_source_en, data_source_fr, unit, direction,
                        frequency, baseline_value, baseline_date, illustrative, created_at, updated_at)
SELECT b.id, b.code, b.result_id, b.department_id,
       CASE WHEN b.unit = 'PERCENT' THEN 'Share of ' ELSE 'Number of ' END || lower(r.topics_en[1 + b.k % 10]) || ' activities, initiative #' || b.i,
       CASE WHEN b.unit = 'PERCENT' THEN 'Proportion des activités : ' ELSE 'Nombre d''activités : ' END || lower(r.topics_fr[1 + b.k % 10]) || ', initiative no ' || b.i,
       'Benchmark data', 'Données du banc d''essai', b.unit, 'INCREASE', 'ANNUAL',
       CASE WHEN b.unit = 'PERCENT' THEN 20 ELSE 10 END, DATE '2019-03-31', true, now(), now()
FROM bench_indicators b, bench_refs r;

INSERT INTO indicator_initiatives (indicator_id, initiative_id)
SELECT b.id, pg_temp.bench_uuid('initiative-' || b.i) FROM bench_indicators b;

INSERT INTO indicator_targets (id, indicator_id, unit, fiscal_year, target_type, min_value, achieve_by_year, achieve_by_month, created_at, updated_at)
SELECT pg_temp.bench_uuid('target-' || b.i || '-' || b.k || '-' || y), b.id, b.unit, y, 'AT_LEAST',
       CASE WHEN b.unit = 'PERCENT' THEN 60 ELSE 100 END, y + 1, 3, now(), now()
FROM bench_indicators b, (VALUES (2025), (2026)) AS fy(y);

INSERT INTO indicator_actuals (id, indicator_id, unit, fiscal_year, value, measured_on, explanation_en, explanation_fr, created_at)
SELECT a.id, a.indicator_id, a.unit, 2025, a.value, DATE '2026-03-31',
       -- Explained where the rule asks: below the target, or above it by more than the default margin (10 %).
       CASE WHEN a.value < a.target OR a.value > a.target * 1.1 THEN 'Benchmark explanation: activities postponed or brought forward.' END,
       CASE WHEN a.value < a.target OR a.value > a.target * 1.1 THEN 'Explication du banc d''essai : activités reportées ou devancées.' END,
       now()
FROM (
  SELECT pg_temp.bench_uuid('actual-' || b.i || '-' || b.k || '-2025') AS id, b.id AS indicator_id, b.unit,
         CASE WHEN b.unit = 'PERCENT' THEN 50 + (b.i + 3 * b.k) % 30 ELSE 85 + (b.i + 3 * b.k) % 45 END AS value,
         CASE WHEN b.unit = 'PERCENT' THEN 60 ELSE 100 END AS target
  FROM bench_indicators b
) a;

-- The data version's bump (migration data_versions) is deferred to the commit; run it now, as PostgreSQL refuses to
-- alter a table with trigger events pending.
SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE initiatives ENABLE TRIGGER dashboard_initiatives;
ALTER TABLE status_updates ENABLE TRIGGER dashboard_status_updates;
ALTER TABLE funding_lines ENABLE TRIGGER dashboard_funding_lines;
ALTER TABLE action_items ENABLE TRIGGER dashboard_action_items;
ALTER TABLE meetings ENABLE TRIGGER dashboard_meetings;
SELECT dashboard_rebuild();

ANALYZE;
