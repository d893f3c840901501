import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The transaction a command runs in. Its own module so that the registry and the helpers it uses (receipts,
 * refusals) all import it from here and none of them imports the registry back.
 */
export type Tx = Prisma.TransactionClient;
