import { z } from "zod";

/** Creating or revoking one's own feed takes nothing but the signed-in person. */
export const ownFeedSchema = z.object({}).strict();

/** The secret in a feed address: 32 random bytes, base64url (43 characters). Anything else names no feed. */
export const feedTokenPattern = /^[A-Za-z0-9_-]{43}$/;
