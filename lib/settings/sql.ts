import { Prisma } from "@/lib/generated/prisma/client";
import { settingDefaults } from "./definitions";

/**
 * The `staleDays` setting as an SQL expression: days without a status update before an active initiative "needs an
 * update"; a positive whole number (JSON number or numeric string), else the default. One fragment, so every
 * statement that needs it (the initiatives list, the agenda builder's suggestions) reads it the same way, inside its
 * own statement instead of costing one of its own.
 */
export const staleDaysSql = Prisma.sql`COALESCE((
  SELECT CASE WHEN s.value #>> '{}' ~ '^[0-9]{1,9}([.]0*)?$' AND (s.value #>> '{}')::numeric >= 1 THEN (s.value #>> '{}')::numeric::int END
  FROM settings s WHERE s.key = 'staleDays'), ${settingDefaults.staleDays}::int)`;
