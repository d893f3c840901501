-- Hand-written migration: add SQL below, each block with a comment saying why.

-- Issue 15: graphile-worker replaces the hand-written queue (lib/jobs/queue.ts, docs/platform.md). Its schema
-- `graphile_worker` is installed by its own migrator (scripts/db/migrate.ts, before these migrations, under the same
-- advisory lock). The functions below call it by name (PL/pgSQL resolves names when a function runs).

-- The transactional outbox: a row of outbound_messages that is inserted, or becomes QUEUED again (a retry with its
-- back-off in next_attempt_at, a time changed by hand), gets its delivery job in the same transaction, at the row's
-- next_attempt_at. One job key per row: queuing again replaces the waiting job rather than adding one. A change that
-- rolls back leaves neither the row nor the job. Rows skipped by ON CONFLICT DO NOTHING fire nothing.
CREATE FUNCTION outbound_messages_enqueue() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job(
    'deliver_message',
    json_build_object('id', NEW.id),
    run_at := NEW.next_attempt_at,
    job_key := 'deliver_message:' || NEW.id::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbound_messages_enqueue
  AFTER INSERT OR UPDATE OF status, next_attempt_at ON outbound_messages
  FOR EACH ROW WHEN (NEW.status = 'QUEUED')
  EXECUTE FUNCTION outbound_messages_enqueue();

-- A new document version's text is extracted for the search soon after its upload commits: one job key for all of
-- them, so a burst of uploads is one job that works through the pending versions.
CREATE FUNCTION document_versions_enqueue_extraction() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM graphile_worker.add_job('extract_document_texts', '{}'::json, job_key := 'extract_document_texts');
  RETURN NULL;
END;
$$;

CREATE TRIGGER document_versions_enqueue_extraction
  AFTER INSERT ON document_versions
  FOR EACH ROW WHEN (NEW.text_extracted_at IS NULL)
  EXECUTE FUNCTION document_versions_enqueue_extraction();
