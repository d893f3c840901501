/**
 * The filter every read and write of agenda items uses: an item removed from the agenda keeps its row (nothing is
 * hard-deleted) but is hidden everywhere, and its position no longer counts.
 */
export const onAgenda = { deletedAt: null } as const;
