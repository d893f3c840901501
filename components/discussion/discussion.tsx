import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { threadListKey, type Thread, type ThreadComment } from "@/lib/discussion/queries";
import { parseCommentText } from "@/lib/discussion/text";
import { formatDateTime } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";
import { CachedMarkup } from "@/components/ui/cached-markup";
import { PlainLink } from "@/components/ui/plain-link";
import { CommentForm, HideForm, type CommentFormWords } from "./comment-form";

type Action = (state: import("@/lib/kernel/form-state").FormState, formData: FormData) => Promise<import("@/lib/kernel/form-state").FormState>;

export type DiscussionActions = { post: Action; edit: Action; hide: Action };

/**
 * A comment's text as text nodes and links: mentions by name, initiative codes and decision numbers as links (plain
 * anchors: a discussion of 200 comments had 200 client links to serialize, hydrate and prefetch).
 */
function CommentText({ comment, initiativeIds, locale }: { comment: ThreadComment & { body: string }; initiativeIds: Record<string, string>; locale: Locale }) {
  return (
    <p lang={comment.language} className="whitespace-pre-wrap break-words" data-testid="comment-body">
      {parseCommentText(comment.body).map((piece, index) => {
        switch (piece.kind) {
          case "mention":
            return comment.mentions[piece.email] ? (
              <strong key={index} className="text-gc-primary">
                @{comment.mentions[piece.email]}
              </strong>
            ) : (
              piece.text
            );
          case "initiative":
            return initiativeIds[piece.code] ? (
              <PlainLink key={index} href={`/initiatives/${initiativeIds[piece.code]}`} locale={locale}>
                {piece.text}
              </PlainLink>
            ) : (
              piece.text
            );
          case "decision":
            return (
              <PlainLink key={index} href={{ pathname: "/decisions", query: { q: piece.number } }} locale={locale}>
                {piece.text}
              </PlainLink>
            );
          default:
            return piece.text;
        }
      })}
    </p>
  );
}

/** What a comment's links open: `?comment=<id>&do=reply|edit|hide` (one form on the page at a time). */
export type OpenCommentForm = { commentId: string; kind: "reply" | "edit" | "hide" | "add" };

const formKinds = new Set(["reply", "edit", "hide", "add"]);

/** What `render` draws, when it is drawn (server components only). */
function Deferred({ render }: { render: () => React.ReactNode }) {
  return render();
}

/** A thread of at least this many comments has its list's markup cached (a short one costs little to draw). */
const CACHED_FROM = 10;

/** The page's own address (proxy.ts puts it in x-portal-path) and the comment form it asks for, if any. */
export async function openCommentForm(): Promise<{ path: string; search: URLSearchParams; open: OpenCommentForm | null }> {
  const full = (await headers()).get("x-portal-path") ?? "";
  const [path = "", query = ""] = full.split("?", 2);
  const search = new URLSearchParams(query);
  const commentId = search.get("comment");
  const kind = search.get("do");
  return { path, search, open: commentId && kind && formKinds.has(kind) ? { commentId, kind: kind as OpenCommentForm["kind"] } : null };
}

/** The address that opens one comment's form (or a thread's new-comment form), the page's other parameters kept. */
function formHref(search: URLSearchParams, id: string, kind: OpenCommentForm["kind"], anchor = `comment-${id}`): string {
  const next = new URLSearchParams(search);
  next.set("comment", id);
  next.set("do", kind);
  return `?${next.toString()}#${anchor}`;
}

/**
 * The discussion of one record: its comments, oldest first, each with its replies (one level), edit history and,
 * for whoever may, the forms to reply, edit one's own comment and hide one (coordinators). The text is drawn as
 * text, never as HTML. `heading` is the level of the section's heading.
 *
 * A comment's reply, edit and hide forms are links (`?comment=<id>&do=reply`) and only the form asked for is drawn:
 * a discussion of 200 comments drew 400 forms (with their type-aheads and words) on every request. The links work
 * without JavaScript; the open form is in an open disclosure, as before.
 */
export async function Discussion({
  thread,
  initiativeIds,
  user,
  locale,
  actions,
  title,
  headingLevel = 2,
  compact = false,
  lazyAddForm = false,
}: {
  thread: Thread;
  initiativeIds: Record<string, string>;
  user: SessionUser;
  locale: Locale;
  actions: DiscussionActions;
  title?: string;
  headingLevel?: 2 | 3 | 4;
  compact?: boolean;
  /**
   * A page of many collapsed discussions (the meeting page: one per agenda item) draws each one's new-comment form
   * only when asked for, through an "Add a comment" link, like the reply forms.
   */
  lazyAddForm?: boolean;
}) {
  const t = await getTranslations("Discussion");
  const mayWrite = can(user, "discussion.write", { departmentId: null });
  const mayModerate = can(user, "discussion.moderate", { departmentId: null });
  const words = (submit: string): CommentFormWords => ({
    body: t("body"),
    bodyHint: t("bodyHint"),
    language: t("language"),
    english: "English",
    french: "Français",
    submit,
    mention: t("mention"),
    mentionHint: t("mentionHint"),
    mentionList: t("mentionList"),
    mentionNone: t("mentionNone"),
    mentionFailed: t("mentionFailed"),
    // The client puts the number in: "{count}" passes through the message as text.
    mentionCount: t("mentionCount", { count: "{count}" }),
    mentionMore: t("mentionMore", { count: "{count}" }),
  });
  const Heading = `h${headingLevel}` as const;
  // In a collapsed discussion (no heading of its own) "Add a comment" takes the given level, else the next one.
  const Sub = (compact ? `h${headingLevel}` : `h${Math.min(headingLevel + 1, 6)}`) as "h2" | "h3" | "h4" | "h5";
  const headingId = `discussion-${thread.subjectId}`;
  const { search, open } = await openCommentForm();
  const isOpen = (comment: ThreadComment, kind: OpenCommentForm["kind"]) => open?.commentId === comment.id && open.kind === kind;
  const addOpen = open?.kind === "add" && open.commentId === thread.subjectId;
  const openHere = addOpen || (open !== null && open.kind !== "add" && thread.comments.some((comment) => comment.id === open.commentId || comment.replies.some((reply) => reply.id === open.commentId)));
  const formLink = (comment: ThreadComment, kind: OpenCommentForm["kind"], label: string, form: () => React.ReactNode) =>
    isOpen(comment, kind) ? (
      <details open>
        <summary>{label}</summary>
        {form()}
      </details>
    ) : (
      <a href={formHref(search, comment.id, kind)} className="self-start">
        {label}
      </a>
    );

  const renderComment = (comment: ThreadComment, isReply: boolean) => (
    <li key={comment.id} id={`comment-${comment.id}`} className="mb-4 border-l-4 border-gc-border pl-4" data-testid="comment">
      <p className="text-sm">
        <strong>{comment.author.displayName}</strong> · <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt, locale)}</time>
        {comment.editedAt && <> · {t("edited", { when: formatDateTime(comment.editedAt, locale) })}</>}
      </p>
      {comment.hidden || comment.body === null ? (
        <p className="italic" data-testid="comment-hidden">
          {t("hiddenBy", { name: comment.hidden?.by ?? "", reason: comment.hidden?.reason ?? "" })}
        </p>
      ) : (
        <CommentText comment={{ ...comment, body: comment.body }} initiativeIds={initiativeIds} locale={locale} />
      )}
      {comment.edits.length > 0 && (
        <details className="mb-2">
          <summary>{t("history", { count: comment.edits.length })}</summary>
          <ol>
            {comment.edits.map((edit) => (
              <li key={edit.id}>
                <span className="text-sm">{t("replacedOn", { when: formatDateTime(edit.editedAt, locale) })}</span>
                <p lang={edit.language} className="whitespace-pre-wrap break-words">
                  {edit.body}
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {!comment.hidden && (
        <div className="flex flex-col gap-1">
          {mayWrite && !isReply && formLink(comment, "reply", t("reply"), () => <CommentForm action={actions.post} fields={{ subjectType: thread.subjectType, subjectId: thread.subjectId, parentId: comment.id }} words={words(t("sendReply"))} defaultLanguage={locale} testId="reply-form" />)}
          {comment.author.id === user.id && comment.body !== null && formLink(comment, "edit", t("edit"), () => <CommentForm action={actions.edit} fields={{ id: comment.id, version: comment.version }} words={words(t("saveEdit"))} defaultBody={comment.body ?? undefined} defaultLanguage={comment.language} />)}
          {mayModerate && formLink(comment, "hide", t("hide"), () => <HideForm action={actions.hide} commentId={comment.id} words={{ reason: t("hideReason"), submit: t("hideSubmit") }} />)}
        </div>
      )}
      {comment.replies.length > 0 && (
        <ul className="mt-2 list-none pl-4" aria-label={t("replies", { count: comment.replies.length })}>
          {comment.replies.map((reply) => renderComment(reply, true))}
        </ul>
      )}
    </li>
  );

  // Through a component, so that the list is drawn only when it is not in the cache.
  const comments = <Deferred render={() => <ul className="list-none pl-0">{thread.comments.map((comment) => renderComment(comment, false))}</ul>} />;
  const commentsKey = () => threadListKey({ thread, initiativeIds, locale, user, mayWrite, mayModerate, search: search.toString() });
  const body = (
    <>
      {thread.comments.length === 0 ? (
        <p>{t("none")}</p>
      ) : openHere || thread.count < CACHED_FROM ? (
        comments
      ) : (
        // Issue 23: drawn once per content of the thread (read afresh on every request) and what the viewer may do.
        <CachedMarkup cacheKey={commentsKey()}>{comments}</CachedMarkup>
      )}
      {mayWrite && lazyAddForm && !addOpen && (
        <p>
          <a href={formHref(search, thread.subjectId, "add", `discussion-of-${thread.subjectId}`)}>{t("add")}</a>
        </p>
      )}
      {mayWrite && (!lazyAddForm || addOpen) && (
        <>
          <Sub className="text-lg">{t("add")}</Sub>
          <CommentForm action={actions.post} fields={{ subjectType: thread.subjectType, subjectId: thread.subjectId }} words={words(t("send"))} defaultLanguage={locale} testId="comment-form" />
        </>
      )}
    </>
  );

  if (compact) {
    return (
      <details className="mt-2" data-testid="discussion" id={`discussion-of-${thread.subjectId}`} open={openHere || undefined}>
        <summary>{t("summary", { count: thread.count })}</summary>
        <section aria-label={title ?? t("title")}>{body}</section>
      </details>
    );
  }
  return (
    <section aria-labelledby={headingId} data-testid="discussion" id="discussion">
      <Heading id={headingId}>{title ?? t("title")} ({thread.count})</Heading>
      {body}
    </section>
  );
}
