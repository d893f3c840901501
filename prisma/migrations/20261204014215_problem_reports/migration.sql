-- CreateTable
CREATE TABLE "problem_reports" (
    "id" UUID NOT NULL,
    "page_path" VARCHAR(500) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "contact_email" VARCHAR(320),
    "reporter_id" UUID,
    "locale" "language" NOT NULL,
    "request_id" VARCHAR(100) NOT NULL,
    "ip" VARCHAR(64),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problem_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "problem_reports_created_at_idx" ON "problem_reports"("created_at");

-- CreateIndex
CREATE INDEX "problem_reports_reporter_id_created_at_idx" ON "problem_reports"("reporter_id", "created_at");

-- CreateIndex
CREATE INDEX "problem_reports_ip_created_at_idx" ON "problem_reports"("ip", "created_at");

-- Hand-written (not expressible in schema.prisma without touching the User model): the reporter is a user, kept
-- like the audit trail's actor (RESTRICT: a user is deactivated, never deleted).
ALTER TABLE "problem_reports" ADD CONSTRAINT "problem_reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: a report says something, about a page of this portal.
ALTER TABLE "problem_reports"
  ADD CONSTRAINT "problem_reports_description_check" CHECK (btrim("description") <> ''),
  ADD CONSTRAINT "problem_reports_page_path_check" CHECK ("page_path" LIKE '/%');

-- Hand-written: a report is a record of what someone said; like the audit trail it is never changed nor deleted.
CREATE FUNCTION "problem_reports_refuse_change"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'problem_reports is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "problem_reports_append_only"
  BEFORE UPDATE OR DELETE ON "problem_reports"
  FOR EACH ROW EXECUTE FUNCTION "problem_reports_refuse_change"();
