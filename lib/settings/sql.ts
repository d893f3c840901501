import { Prisma } from "@/lib/generated/prisma/client";
import { settingDefaults, settingLimits } from "./definitions";

/**
 * The `staleDays` setting as an SQL expression: days without a status update before an active initiative "needs an
 * update". Read exactly as TypeScript reads it (`settingValue("staleDays", …)`, lib/settings/definitions.ts): a JSON
 * number that is a whole number within the setting's limits, else the default; the limits and the default are the
 * TypeScript constants, bound as parameters, so the rule is stated once (tests/integration/db/rules.test.ts checks the
 * two readings agree). One fragment, so every statement that needs it (the initiatives list, the agenda builder's
 * suggestions) reads it the same way, inside its own statement instead of costing one of its own.
 */
export const staleDaysSql = Prisma.sql`COALESCE((
  SELECT CASE WHEN jsonb_typeof(s.value) = 'number' THEN
           CASE WHEN s.value::numeric = trunc(s.value::numeric)
                 AND s.value::numeric BETWEEN ${settingLimits.staleDays.min}::int AND ${settingLimits.staleDays.max}::int
                THEN s.value::numeric::int END END
  FROM settings s WHERE s.key = 'staleDays'), ${settingDefaults.staleDays}::int)`;
