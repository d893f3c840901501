/**
 * Seeds the demonstration data of seed-data.ts and the demo accounts.
 *
 *   npm run db:seed                 (seeds the database of DATABASE_URL)
 *   seed(databaseUrl?)              (from code; `npm run dev` and the tests call it on a fresh database)
 *
 * Idempotent: every row is looked up by its natural key (acronym, pillar code, e-mail, initiative code, meeting
 * sequence number, decision number, …) and only what is missing is created, all in one transaction. Running it
 * twice changes nothing. It never updates or deletes a row, so it cannot undo anyone's edits.
 *
 * Refuses to run when NODE_ENV is "production": the demo accounts share a published password.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import * as data from "./seed-data";
import { seedResultsFramework } from "./seed-results";
import { fiscalYearOf } from "../lib/format/numbers";
import { calendarDate, torontoToday, torontoWallClockToUtc } from "../lib/kernel/time";

type Tx = Prisma.TransactionClient;

export interface SeedOptions {
  /** "Today" for the dates that are relative to the seed day (upcoming meeting, open action items). */
  now?: Date;
  log?: (message: string) => void;
}

export interface SeedResult {
  /** Rows created per table; all zero when the database was already seeded. */
  created: Record<string, number>;
}

/** Seeds `databaseUrl` (default: DATABASE_URL). */
export async function seed(databaseUrl: string | undefined = process.env.DATABASE_URL, options: SeedOptions = {}): Promise<SeedResult> {
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "Refusing to seed: NODE_ENV is production. The seed creates demo accounts with a published password " +
        "and must never run against a production database.",
    );
  }
  if (!databaseUrl) throw new Error("No database to seed: pass a URL or set DATABASE_URL.");

  const log = options.log ?? ((message: string) => console.log(message));
  const today = torontoToday(options.now ?? new Date());
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    // Hashing is slow by design: do it once, outside the transaction, and only if an account is missing.
    const existingEmails = new Set((await prisma.user.findMany({ select: { email: true } })).map((user) => user.email.toLowerCase()));
    const needsPassword = data.demoUsers.some((user) => !existingEmails.has(user.email));
    const passwordHash = needsPassword ? await hashPassword(data.DEMO_PASSWORD) : "";

    const created = await prisma.$transaction((tx) => new Seeder(tx, today, passwordHash).run(), {
      timeout: 120_000,
      maxWait: 10_000,
    });
    const total = Object.values(created).reduce((sum, count) => sum + count, 0);
    log(total === 0 ? "Seed: nothing to do, the demo data is already there." : `Seed: created ${describe(created)}.`);
    return { created };
  } finally {
    await prisma.$disconnect();
  }
}

class Seeder {
  private readonly created: Record<string, number> = {};
  private readonly departmentIds = new Map<string, string>();
  private readonly pillarIds = new Map<string, string>();
  private readonly userIds = new Map<string, string>();
  private readonly initiativeIds = new Map<string, string>();
  private readonly meetingIds = new Map<number, string>();
  /** "<meeting sequence>:<position>" → agenda item id. */
  private readonly agendaItemIds = new Map<string, string>();
  private readonly actionItemIds = new Map<string, string>();

  constructor(
    private readonly tx: Tx,
    /** YYYY-MM-DD in America/Toronto. */
    private readonly today: string,
    private readonly passwordHash: string,
  ) {}

  async run(): Promise<Record<string, number>> {
    await this.departments();
    await this.pillars();
    await this.users();
    await this.initiatives();
    await this.meetings();
    await this.actionItems();
    await this.agendaLinksToActionItems();
    await this.settings();
    // results (issue 18)
    await seedResultsFramework(
      this.tx,
      { department: (acronym) => this.department(acronym), pillar: (code) => this.pillar(code), initiative: (code) => this.initiativeIds.get(code) },
      fiscalYearOf(calendarDate(this.today)),
      (table, rows) => this.count(table, rows),
    );
    return this.created;
  }

  private count(table: string, rows = 1): void {
    this.created[table] = (this.created[table] ?? 0) + rows;
  }

  private async departments(): Promise<void> {
    for (const [index, department] of data.departments.entries()) {
      const existing = await this.tx.department.findUnique({ where: { acronymEn: department.acronymEn }, select: { id: true } });
      const id =
        existing?.id ??
        (
          await this.tx.department.create({
            data: { ...department, isChair: department.isChair ?? false, sortOrder: index + 1 },
            select: { id: true },
          })
        ).id;
      if (!existing) this.count("departments");
      this.departmentIds.set(department.acronymEn, id);
    }
  }

  private async pillars(): Promise<void> {
    for (const [index, pillar] of data.pillars.entries()) {
      const existing = await this.tx.pillar.findUnique({ where: { code: pillar.code }, select: { id: true } });
      const id = existing?.id ?? (await this.tx.pillar.create({ data: { ...pillar, sortOrder: index + 1 }, select: { id: true } })).id;
      if (!existing) this.count("pillars");
      this.pillarIds.set(pillar.code, id);
    }
  }

  private async users(): Promise<void> {
    for (const user of data.demoUsers) {
      const existing = await this.tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
      const id =
        existing?.id ??
        (
          await this.tx.user.create({
            data: {
              email: user.email,
              displayName: user.displayName,
              role: user.role,
              departmentId: user.department ? this.department(user.department) : null,
              preferredLanguage: user.preferredLanguage,
              passwordHash: this.passwordHash,
            },
            select: { id: true },
          })
        ).id;
      if (!existing) this.count("users");
      this.userIds.set(user.email, id);
      const totpSecret = data.DEMO_TOTP_SECRETS[user.email];
      if (totpSecret && !existing) {
        await this.tx.mfaCredential.create({ data: { userId: id, secret: totpSecret, confirmedAt: new Date() } });
        this.count("mfa_credentials");
      }
    }
  }

  private async initiatives(): Promise<void> {
    for (const initiative of data.initiatives) {
      const existing = await this.tx.initiative.findUnique({ where: { code: initiative.code }, select: { id: true } });
      let id = existing?.id;
      if (!id) {
        const latest = initiative.updates.at(-1);
        id = (
          await this.tx.initiative.create({
            data: {
              code: initiative.code,
              titleEn: initiative.titleEn,
              titleFr: initiative.titleFr,
              summaryEn: initiative.summaryEn,
              summaryFr: initiative.summaryFr,
              leadDepartmentId: this.department(initiative.lead),
              primaryPillarId: this.pillar(initiative.pillar),
              status: initiative.status,
              health: latest?.health ?? null,
              progress: latest?.progress ?? 0,
              startDate: isoDate(initiative.startDate),
              targetEndDate: isoDate(initiative.targetEndDate),
              notes: initiative.notes,
              lastUpdatedAt: latest ? postedAt(latest.postedOn) : null,
            },
            select: { id: true },
          })
        ).id;
        this.count("initiatives");
      }
      this.initiativeIds.set(initiative.code, id);

      const partnerAcronyms =
        initiative.partners === "all"
          ? data.departments.map((d) => d.acronymEn).filter((acronym) => acronym !== initiative.lead)
          : initiative.partners;
      const partners = await this.tx.initiativePartner.createMany({
        data: partnerAcronyms.map((acronym) => ({ initiativeId: id, departmentId: this.department(acronym) })),
        skipDuplicates: true,
      });
      this.count("initiative_partners", partners.count);

      const secondary = await this.tx.initiativePillar.createMany({
        data: (initiative.secondaryPillars ?? []).map((code) => ({ initiativeId: id, pillarId: this.pillar(code) })),
        skipDuplicates: true,
      });
      this.count("initiative_pillars", secondary.count);

      await this.statusUpdates(id, initiative);
      await this.milestones(id, initiative);
      await this.fundingLines(id, initiative);
    }
  }

  private async statusUpdates(initiativeId: string, initiative: data.InitiativeSeed): Promise<void> {
    const author = this.leadRepresentative(initiative.lead);
    for (const update of initiative.updates) {
      const exists = await this.tx.statusUpdate.findFirst({
        where: { initiativeId, reportingPeriod: update.period },
        select: { id: true },
      });
      if (exists) continue;
      await this.tx.statusUpdate.create({
        data: {
          initiativeId,
          authorId: author,
          reportingPeriod: update.period,
          health: update.health,
          progress: update.progress,
          narrativeEn: update.narrativeEn,
          narrativeFr: update.narrativeFr,
          createdAt: postedAt(update.postedOn),
        },
      });
      this.count("status_updates");
    }
  }

  private async milestones(initiativeId: string, initiative: data.InitiativeSeed): Promise<void> {
    for (const milestone of initiative.milestones) {
      const exists = await this.tx.milestone.findFirst({ where: { initiativeId, titleEn: milestone.titleEn }, select: { id: true } });
      if (exists) continue;
      await this.tx.milestone.create({
        data: {
          initiativeId,
          titleEn: milestone.titleEn,
          titleFr: milestone.titleFr,
          dueDate: isoDate(milestone.dueDate),
          completedDate: milestone.completedDate ? isoDate(milestone.completedDate) : null,
        },
      });
      this.count("milestones");
    }
  }

  private async fundingLines(initiativeId: string, initiative: data.InitiativeSeed): Promise<void> {
    for (const line of initiative.funding) {
      const exists = await this.tx.fundingLine.findFirst({
        where: { initiativeId, source: { equals: line.source, mode: "insensitive" }, fiscalYear: line.fiscalYear, deletedAt: null },
        select: { id: true },
      });
      if (exists) continue;
      await this.tx.fundingLine.create({
        data: {
          initiativeId,
          source: line.source,
          fiscalYear: line.fiscalYear,
          allocatedCents: BigInt(line.allocatedDollars) * 100n,
          spentCents: BigInt(line.spentDollars) * 100n,
          notes: line.notes ?? null,
        },
      });
      this.count("funding_lines");
    }
  }

  private async meetings(): Promise<void> {
    for (const meeting of data.meetings) {
      const existing = await this.tx.meeting.findUnique({ where: { sequenceNumber: meeting.sequenceNumber }, select: { id: true } });
      let id = existing?.id;
      if (!id) {
        const date = typeof meeting.date === "string" ? meeting.date : addDays(this.today, meeting.date.daysAfterSeed);
        const presentCount = Object.values(meeting.attendance).filter((entry) => entry.status !== "ABSENT").length;
        id = (
          await this.tx.meeting.create({
            data: {
              sequenceNumber: meeting.sequenceNumber,
              titleEn: meeting.titleEn,
              titleFr: meeting.titleFr,
              startsAt: torontoWallClockToUtc(date, meeting.startTime),
              endsAt: torontoWallClockToUtc(date, meeting.endTime),
              location: meeting.location,
              videoUrl: meeting.videoUrl ?? null,
              agendaStatus: meeting.held ? "HELD" : "DRAFT",
              publishedAt: meeting.publishedOn ? torontoWallClockToUtc(meeting.publishedOn, "09:00") : null,
              icsSequence: meeting.publishedOn ? 1 : 0,
              quorumMet: meeting.held ? presentCount >= 9 && meeting.attendance.JUS?.status !== "ABSENT" : null,
            },
            select: { id: true },
          })
        ).id;
        this.count("meetings");
      }
      this.meetingIds.set(meeting.sequenceNumber, id);

      const attendance = await this.tx.meetingAttendance.createMany({
        data: Object.entries(meeting.attendance).map(([acronym, entry]) => ({
          meetingId: id,
          departmentId: this.department(acronym),
          status: entry.status,
          delegateName: entry.delegateName ?? null,
        })),
        skipDuplicates: true,
      });
      this.count("meeting_attendance", attendance.count);

      for (const [index, item] of meeting.agenda.entries()) {
        const position = index + 1;
        // Positions are unique among the items still on the agenda (removed ones keep theirs).
        const existingItem = await this.tx.agendaItem.findFirst({
          where: { meetingId: id, position, deletedAt: null },
          select: { id: true },
        });
        const itemId =
          existingItem?.id ??
          (
            await this.tx.agendaItem.create({
              data: {
                meetingId: id,
                position,
                titleEn: item.titleEn,
                titleFr: item.titleFr,
                kind: item.kind,
                minutes: item.minutes,
                presentingDepartmentId: item.presenter ? this.department(item.presenter) : null,
                initiativeId: item.initiative ? this.initiative(item.initiative) : null,
                outcome: item.outcome ?? null,
                deferred: item.deferred ?? false,
              },
              select: { id: true },
            })
          ).id;
        if (!existingItem) this.count("agenda_items");
        this.agendaItemIds.set(`${meeting.sequenceNumber}:${position}`, itemId);
      }

      for (const decision of meeting.decisions) {
        const existingDecision = await this.tx.decision.findUnique({ where: { number: decision.number }, select: { id: true } });
        const decisionId =
          existingDecision?.id ??
          (
            await this.tx.decision.create({
              data: {
                meetingId: id,
                number: decision.number,
                textEn: decision.textEn,
                textFr: decision.textFr,
                agendaItemId: decision.agendaPosition ? this.agendaItem(meeting.sequenceNumber, decision.agendaPosition) : null,
              },
              select: { id: true },
            })
          ).id;
        if (!existingDecision) this.count("decisions");
        const links = await this.tx.decisionInitiative.createMany({
          data: (decision.initiatives ?? []).map((code) => ({ decisionId, initiativeId: this.initiative(code) })),
          skipDuplicates: true,
        });
        this.count("decision_initiatives", links.count);
      }
    }

    // Minutes last: approval refers to a later meeting, which now exists.
    for (const meeting of data.meetings) {
      if (!meeting.minutes) continue;
      const meetingId = this.meetingIds.get(meeting.sequenceNumber)!;
      const exists = await this.tx.minutes.findUnique({ where: { meetingId }, select: { id: true } });
      if (exists) continue;
      const { minutes } = meeting;
      await this.tx.minutes.create({
        data: {
          meetingId,
          bodyEn: minutes.bodyEn,
          bodyFr: minutes.bodyFr,
          status: "APPROVED",
          circulatedAt: torontoWallClockToUtc(minutes.circulatedOn, "12:00"),
          approvedAt: torontoWallClockToUtc(minutes.approvedOn, "16:00"),
          approvedAtMeetingId: minutes.approvedAtMeeting ? this.meetingIds.get(minutes.approvedAtMeeting)! : null,
        },
      });
      this.count("minutes");
    }
  }

  private async actionItems(): Promise<void> {
    for (const item of data.actionItems) {
      const meetingId = this.meetingIds.get(item.meeting)!;
      const existing = await this.tx.actionItem.findFirst({ where: { meetingId, titleEn: item.titleEn }, select: { id: true } });
      let id = existing?.id;
      if (!id) {
        const due = typeof item.due === "string" ? item.due : addDays(this.today, item.due.daysFromSeed);
        id = (
          await this.tx.actionItem.create({
            data: {
              titleEn: item.titleEn,
              titleFr: item.titleFr,
              detailsEn: item.detailsEn ?? null,
              detailsFr: item.detailsFr ?? null,
              ownerDepartmentId: this.department(item.owner),
              assigneeId: item.assignee ? (this.userIds.get(item.assignee) ?? null) : null,
              initiativeId: item.initiative ? this.initiative(item.initiative) : null,
              meetingId,
              agendaItemId: item.agendaPosition ? this.agendaItem(item.meeting, item.agendaPosition) : null,
              dueDate: isoDate(due),
              status: item.status,
              completedAt: item.completedOn ? torontoWallClockToUtc(item.completedOn, "12:00") : null,
              completionNote: item.completionNote ?? null,
            },
            select: { id: true },
          })
        ).id;
        this.count("action_items");
      }
      this.actionItemIds.set(item.key, id);
    }
  }

  /** Agenda items that review an action item are linked once both exist; only a missing link is filled in. */
  private async agendaLinksToActionItems(): Promise<void> {
    for (const meeting of data.meetings) {
      for (const [index, item] of meeting.agenda.entries()) {
        if (!item.reviewsActionItem) continue;
        const linked = await this.tx.agendaItem.updateMany({
          where: { id: this.agendaItem(meeting.sequenceNumber, index + 1), actionItemId: null },
          data: { actionItemId: this.actionItemIds.get(item.reviewsActionItem)! },
        });
        this.count("agenda_item_links", linked.count);
      }
    }
  }

  private async settings(): Promise<void> {
    for (const setting of data.settings) {
      const exists = await this.tx.setting.findUnique({ where: { key: setting.key }, select: { key: true } });
      if (exists) continue;
      await this.tx.setting.create({ data: { key: setting.key, value: setting.value as Prisma.InputJsonValue } });
      this.count("settings");
    }
  }

  private department(acronym: string): string {
    return required(this.departmentIds.get(acronym), `department ${acronym}`);
  }

  private pillar(code: string): string {
    return required(this.pillarIds.get(code), `pillar ${code}`);
  }

  private initiative(code: string): string {
    return required(this.initiativeIds.get(code), `initiative ${code}`);
  }

  private agendaItem(meeting: number, position: number): string {
    return required(this.agendaItemIds.get(`${meeting}:${position}`), `agenda item ${meeting}:${position}`);
  }

  /** The demo representative of the lead department, else the coordinator (who reports for the others). */
  private leadRepresentative(acronym: string): string | null {
    const rep = data.demoUsers.find((user) => user.role === "DEPARTMENT_REP" && user.department === acronym);
    return this.userIds.get(rep?.email ?? "coordinator@iwgtip.example") ?? null;
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}.`);
  return value;
}

/** A calendar date for a `date` column. */
function isoDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Status updates are stamped at noon UTC of the day they were posted. */
function postedAt(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

function addDays(date: string, days: number): string {
  const result = isoDate(date);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}

function describe(created: Record<string, number>): string {
  return Object.entries(created)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${count} ${table}`)
    .join(", ");
}

if (typeof require !== "undefined" && require.main === module) {
  seed().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
