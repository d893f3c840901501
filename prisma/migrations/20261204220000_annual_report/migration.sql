-- CreateTable
CREATE TABLE "annual_reports" (
    "id" UUID NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "status" VARCHAR(10) NOT NULL,
    "content" JSONB NOT NULL,
    "generated_at" TIMESTAMPTZ(3) NOT NULL,
    "generated_by_id" UUID NOT NULL,
    "issued_at" TIMESTAMPTZ(3),
    "issued_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "annual_reports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "annual_reports_fiscal_year_revision_key" ON "annual_reports"("fiscal_year", "revision");

-- Hand-written (issue 19.4): who generated and issued it; the status and its stamps; one draft per fiscal year;
-- an issued report never changes and no report is deleted.
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_generated_by_id_fkey" FOREIGN KEY ("generated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_issued_by_id_fkey" FOREIGN KEY ("issued_by_id") REFERENCES "users"("id") ON DELETE RESTRICT;
ALTER TABLE "annual_reports"
  ADD CONSTRAINT "annual_reports_status_check" CHECK ("status" IN ('DRAFT', 'ISSUED')),
  ADD CONSTRAINT "annual_reports_issued_check" CHECK (("status" = 'ISSUED') = ("issued_at" IS NOT NULL AND "issued_by_id" IS NOT NULL)),
  ADD CONSTRAINT "annual_reports_fiscal_year_check" CHECK ("fiscal_year" BETWEEN 1990 AND 2100),
  ADD CONSTRAINT "annual_reports_revision_check" CHECK ("revision" >= 1),
  ADD CONSTRAINT "annual_reports_version_check" CHECK ("version" >= 1);
CREATE UNIQUE INDEX "annual_reports_one_draft" ON "annual_reports"("fiscal_year") WHERE "status" = 'DRAFT';

CREATE FUNCTION annual_reports_keep_issued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'annual reports are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'ISSUED' THEN
    RAISE EXCEPTION 'an issued annual report never changes' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "annual_reports_keep_issued" BEFORE UPDATE OR DELETE ON "annual_reports" FOR EACH ROW EXECUTE FUNCTION annual_reports_keep_issued();
