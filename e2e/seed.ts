import { randomUUID } from "node:crypto";
import { sql } from "./db";

/**
 * Records a test makes for itself, straight in the database, so that a test starts at the step it is about instead
 * of walking through the screens before it (those screens have their own tests). Each record is unique (random
 * code and title), so tests run in parallel without resets. Only what the portal's own commands would write.
 */

/** An initiative led by the department with that English acronym, in the Protection pillar. */
export async function seedInitiative(options: { lead: string; title?: string }): Promise<{ id: string; code: string; title: string }> {
  const suffix = randomUUID().slice(0, 8);
  const code = `E2E-${suffix.toUpperCase()}`;
  const title = options.title ?? `Seeded e2e ${suffix}`;
  const [row] = await sql<{ id: string }>(
    `INSERT INTO initiatives (id, code, title_en, title_fr, lead_department_id, primary_pillar_id, status)
     SELECT gen_random_uuid(), $1, $2, $2, d.id, p.id, 'ACTIVE'
     FROM departments d, pillars p WHERE d.acronym_en = $3 AND p.code = 'PROTECTION'
     RETURNING id`,
    [code, title, options.lead],
  );
  if (!row) throw new Error(`no department ${options.lead} or no PROTECTION pillar in the seeded data`);
  return { id: row.id, code, title };
}

/** A status update on that initiative by the account with that e-mail address, not yet reviewed. */
export async function seedStatusUpdate(initiativeId: string, authorEmail: string, narrativeEn: string): Promise<void> {
  const rows = await sql(
    `INSERT INTO status_updates (id, initiative_id, author_id, reporting_period, health, progress, narrative_en)
     SELECT gen_random_uuid(), $1, u.id, '2007-08 Q2', 'AMBER', 30, $3 FROM users u WHERE u.email = $2
     RETURNING id`,
    [initiativeId, authorEmail, narrativeEn],
  );
  if (rows.length !== 1) throw new Error(`no account ${authorEmail} in the seeded data`);
  await sql("UPDATE initiatives SET health = 'AMBER', progress = 30, last_updated_at = now(), version = version + 1 WHERE id = $1", [initiativeId]);
}

/** A meeting of its own number (unique), on that date and times in Ottawa's time zone, agenda in draft. */
export async function seedMeeting(options: { date: string; start: string; end: string }): Promise<{ id: string; number: number; titleEn: string; titleFr: string }> {
  const number = 200_000 + Math.floor(Math.random() * 700_000);
  const titleEn = `E2E meeting ${number}`;
  const titleFr = `Réunion E2E ${number}`;
  const [row] = await sql<{ id: string }>(
    `INSERT INTO meetings (id, sequence_number, title_en, title_fr, starts_at, ends_at)
     VALUES (gen_random_uuid(), $1, $2, $3, ($4 || ' ' || $5)::timestamp AT TIME ZONE 'America/Toronto', ($4 || ' ' || $6)::timestamp AT TIME ZONE 'America/Toronto')
     RETURNING id`,
    [number, titleEn, titleFr, options.date, options.start, options.end],
  );
  return { id: row!.id, number, titleEn, titleFr };
}

/** An open action item raised at that meeting, owned by the department of the assignee (an e-mail address). */
export async function seedActionItem(meetingId: string, assigneeEmail: string, title: string, dueDate: string): Promise<void> {
  const rows = await sql(
    `INSERT INTO action_items (id, title_en, title_fr, owner_department_id, assignee_id, meeting_id, due_date)
     SELECT gen_random_uuid(), $3::text, $3::text || ' (fr)', u.department_id, u.id, $1, $4::date FROM users u WHERE u.email = $2
     RETURNING id`,
    [meetingId, assigneeEmail, title, dueDate],
  );
  if (rows.length !== 1) throw new Error(`no account ${assigneeEmail} in the seeded data`);
}
