import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { mayReach, reachOf } from "@/lib/auth/account-gate";
import type { SessionUser } from "@/lib/auth/types";
import { can, type OwnedRecord, type Permission } from "@/lib/authz/permissions";
import { db } from "@/lib/db";
import { claimReceipt, idempotencyKeySchema, storeReceipt } from "./idempotency";
import { CommandRefusal, type CommandResult } from "./result";
import { runStatement, type StatementContext, type StatementPlan } from "./statement";
import type { Tx } from "./tx";
import { findUnstorableText, toFieldErrors } from "./validation";

export type { Tx } from "./tx";

export type CommandContext<Input, Owner extends OwnedRecord = OwnedRecord> = {
  user: SessionUser;
  input: Input;
  tx: Tx;
  requestId: string;
  /** The owning record as `owner` found it (null for commands on no existing record). */
  owner: Owner | null;
};

/** What every command declares, however it runs. */
type CommandBase<Schema extends z.ZodType, Owner extends OwnedRecord> = {
  /** Unique, e.g. "initiative.update"; also the audit action unless the command says otherwise. */
  name: string;
  permission: Permission;
  /** Validates and normalises the raw input; use `.strict()` objects so unknown fields are refused. */
  schema: Schema;
  /**
   * Which department owns the record acted on, read from the database by the record's id,
   * never from what the request claims. Null when the record does not exist (or the user may
   * not see it): the command answers not_found. Omit for commands on no department's record.
   * For creation, return the department the new record would belong to.
   */
  owner?: (input: z.output<Schema>, tx: Tx) => Promise<Owner | null>;
};

export type CommandDefinition<Schema extends z.ZodType, Output, Owner extends OwnedRecord = OwnedRecord> = CommandBase<Schema, Owner> &
  (
    | {
        atomicity?: "transaction";
        /** The change itself, inside one transaction with its audit events. Throw CommandRefusal to roll back. */
        run: (context: CommandContext<z.output<Schema>, Owner>) => Promise<Output>;
      }
    | {
        /**
         * The change and its audit events in ONE SQL statement, atomic by itself, so no transaction is opened: the
         * busiest writes cost the owner read and this statement, with or without an idempotency key (whose
         * receipt the registry folds into the same statement, see lib/commands/statement.ts). The statement must
         * re-check what the owner read decided on (the owning department, not archived) and change nothing
         * when that no longer holds: the command then answers not_found.
         */
        atomicity: "statement";
        statement: (context: StatementContext<z.output<Schema>, Owner>) => StatementPlan<Output>;
      }
  );

export type ExecuteOptions = {
  /** The request's id, kept on the audit events (a fresh one when absent). */
  requestId?: string;
  /**
   * A key the form generated once per submission intent (a UUID): a second run with the same key, by the same
   * person, of the same command, returns the first run's result instead of running again.
   */
  idempotencyKey?: string;
};

export type RegisteredCommand = {
  name: string;
  permission: Permission;
  /** The input schema, so that tests can check every text field has a length limit. */
  schema: z.ZodType;
  execute: (user: SessionUser | null, rawInput: unknown, options?: ExecuteOptions) => Promise<CommandResult<unknown>>;
};

const registry = new Map<string, RegisteredCommand>();

/**
 * Declares a command and adds it to the registry, so that tests can enumerate every command.
 * The returned function runs, in this order, the same for every command:
 * parse → signed in? → find the owner → authorize → transaction (idempotency receipt + change + audit).
 */
export function defineCommand<Schema extends z.ZodType, Output, Owner extends OwnedRecord = OwnedRecord>(definition: CommandDefinition<Schema, Output, Owner>) {
  if (registry.has(definition.name)) throw new Error(`Command ${definition.name} is defined twice.`);

  async function execute(user: SessionUser | null, rawInput: unknown, options: ExecuteOptions = {}): Promise<CommandResult<Output>> {
    if (!user) return { ok: false, code: "unauthenticated" };
    // Someone signed in with a one-time password may only set their own password and preferences until they have
    // (the one rule of lib/auth/account-gate.ts, which pages and route handlers apply too).
    if (!mayReach(user, reachOf(definition.permission))) return { ok: false, code: "forbidden" };
    // Text PostgreSQL cannot store (NUL, broken UTF-16) is refused here for every command, before any schema.
    const unstorable = findUnstorableText(rawInput);
    if (unstorable) return { ok: false, code: "invalid", fieldErrors: unstorable };
    if (options.idempotencyKey !== undefined && !idempotencyKeySchema.safeParse(options.idempotencyKey).success) {
      return { ok: false, code: "invalid", fieldErrors: { _form: [{ key: "invalid" }] } };
    }
    const parsed = definition.schema.safeParse(rawInput);
    if (!parsed.success) return { ok: false, code: "invalid", fieldErrors: toFieldErrors(parsed.error) };
    const input = parsed.data as z.output<Schema>;
    const requestId = options.requestId ?? randomUUID();
    const receipt = options.idempotencyKey ? { actorId: user.id, command: definition.name, key: options.idempotencyKey, requestId } : null;
    /** Finds the owner and applies the policy: what every command decides before it changes anything. */
    const decide = async (tx: Tx): Promise<Owner | null> => {
      let owner: Owner | null = null;
      if (definition.owner) {
        owner = await definition.owner(input, tx);
        if (!owner) throw new CommandRefusal({ ok: false, code: "not_found" });
      }
      if (!can(user, definition.permission, owner ?? undefined)) throw new CommandRefusal({ ok: false, code: "forbidden" });
      return owner;
    };
    try {
      let outcome: { replayed: boolean; data: Output };
      if (definition.atomicity === "statement") {
        const owner = await decide(db);
        outcome = await runStatement(definition.statement, { user, input, requestId, owner }, receipt);
      } else {
        const run = definition.run;
        outcome = await db.$transaction(async (tx) => {
          const owner = await decide(tx);
          if (receipt) {
            const claim = await claimReceipt(tx, receipt);
            if (!claim.claimed) return { replayed: true, data: claim.result as Output };
          }
          const data = await run({ user, input, tx, requestId, owner });
          if (receipt) await storeReceipt(tx, receipt, data);
          return { replayed: false, data };
        });
      }
      return outcome.replayed ? { ok: true, data: outcome.data, replayed: true } : { ok: true, data: outcome.data };
    } catch (error) {
      if (error instanceof CommandRefusal) return error.failure;
      throw error;
    }
  }

  registry.set(definition.name, { name: definition.name, permission: definition.permission, schema: definition.schema, execute });
  return execute;
}

/** Every registered command (import `@/lib/commands` first so that every domain has registered). */
export function registeredCommands(): RegisteredCommand[] {
  return [...registry.values()].sort((a, b) => a.name.localeCompare(b.name));
}
