-- CreateEnum
CREATE TYPE "ResultLevel" AS ENUM ('ULTIMATE_OUTCOME', 'INTERMEDIATE_OUTCOME', 'IMMEDIATE_OUTCOME', 'OUTPUT');

-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('NUMBER', 'PERCENT', 'DOLLARS', 'NARRATIVE');

-- CreateEnum
CREATE TYPE "IndicatorDirection" AS ENUM ('INCREASE', 'DECREASE', 'MAINTAIN');

-- CreateEnum
CREATE TYPE "IndicatorFrequency" AS ENUM ('ANNUAL', 'SEMI_ANNUAL', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "TargetType" AS ENUM ('EXACT', 'RANGE', 'AT_LEAST', 'AT_MOST', 'NARRATIVE');

-- AlterTable
ALTER TABLE "update_calls" ADD COLUMN     "results_fiscal_year" INTEGER;

-- CreateTable
CREATE TABLE "expected_results" (
    "id" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "pillar_id" UUID NOT NULL,
    "level" "ResultLevel" NOT NULL,
    "title_en" VARCHAR(300) NOT NULL,
    "title_fr" VARCHAR(300) NOT NULL,
    "description_en" TEXT,
    "description_fr" TEXT,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "expected_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "expected_result_departments" (
    "result_id" UUID NOT NULL,
    "department_id" UUID NOT NULL,

    CONSTRAINT "expected_result_departments_pkey" PRIMARY KEY ("result_id","department_id")
);

-- CreateTable
CREATE TABLE "indicators" (
    "id" UUID NOT NULL,
    "code" VARCHAR(20) NOT NULL,
    "result_id" UUID NOT NULL,
    "responsible_department_id" UUID NOT NULL,
    "name_en" VARCHAR(300) NOT NULL,
    "name_fr" VARCHAR(300) NOT NULL,
    "methodology_en" TEXT,
    "methodology_fr" TEXT,
    "data_source_en" VARCHAR(500),
    "data_source_fr" VARCHAR(500),
    "unit" "IndicatorUnit" NOT NULL,
    "direction" "IndicatorDirection" NOT NULL,
    "cumulative" BOOLEAN NOT NULL DEFAULT false,
    "frequency" "IndicatorFrequency" NOT NULL DEFAULT 'ANNUAL',
    "baseline_value" DECIMAL(18,2),
    "baseline_date" DATE,
    "illustrative" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_initiatives" (
    "indicator_id" UUID NOT NULL,
    "initiative_id" UUID NOT NULL,

    CONSTRAINT "indicator_initiatives_pkey" PRIMARY KEY ("indicator_id","initiative_id")
);

-- CreateTable
CREATE TABLE "indicator_targets" (
    "id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "target_type" "TargetType" NOT NULL,
    "min_value" DECIMAL(18,2),
    "max_value" DECIMAL(18,2),
    "narrative_en" VARCHAR(2000),
    "narrative_fr" VARCHAR(2000),
    "achieve_by_year" INTEGER NOT NULL,
    "achieve_by_month" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "indicator_actuals" (
    "id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "fiscal_year" INTEGER NOT NULL,
    "quarter" INTEGER,
    "value" DECIMAL(18,2),
    "narrative_en" VARCHAR(2000),
    "narrative_fr" VARCHAR(2000),
    "measured_on" DATE NOT NULL,
    "explanation_en" VARCHAR(1000),
    "explanation_fr" VARCHAR(1000),
    "corrects_id" UUID,
    "correction_reason" VARCHAR(1000),
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewed_at" TIMESTAMPTZ(3),
    "reviewed_by_id" UUID,

    CONSTRAINT "indicator_actuals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "expected_results_code_key" ON "expected_results"("code");

-- CreateIndex
CREATE INDEX "expected_results_pillar_id_sort_order_idx" ON "expected_results"("pillar_id", "sort_order");

-- CreateIndex
CREATE INDEX "expected_result_departments_department_id_idx" ON "expected_result_departments"("department_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicators_code_key" ON "indicators"("code");

-- CreateIndex
CREATE INDEX "indicators_result_id_idx" ON "indicators"("result_id");

-- CreateIndex
CREATE INDEX "indicators_responsible_department_id_idx" ON "indicators"("responsible_department_id");

-- CreateIndex
CREATE UNIQUE INDEX "indicators_id_unit_key" ON "indicators"("id", "unit");

-- CreateIndex
CREATE INDEX "indicator_initiatives_initiative_id_idx" ON "indicator_initiatives"("initiative_id");

-- CreateIndex
CREATE INDEX "indicator_targets_indicator_id_fiscal_year_idx" ON "indicator_targets"("indicator_id", "fiscal_year");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_actuals_corrects_id_key" ON "indicator_actuals"("corrects_id");

-- CreateIndex
CREATE INDEX "indicator_actuals_indicator_id_fiscal_year_quarter_created__idx" ON "indicator_actuals"("indicator_id", "fiscal_year", "quarter", "created_at");

-- CreateIndex
CREATE INDEX "indicator_actuals_fiscal_year_idx" ON "indicator_actuals"("fiscal_year");

-- CreateIndex
CREATE INDEX "indicator_actuals_author_id_idx" ON "indicator_actuals"("author_id");

-- CreateIndex
CREATE INDEX "indicator_actuals_reviewed_by_id_idx" ON "indicator_actuals"("reviewed_by_id");

-- AddForeignKey
ALTER TABLE "expected_results" ADD CONSTRAINT "expected_results_pillar_id_fkey" FOREIGN KEY ("pillar_id") REFERENCES "pillars"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_result_departments" ADD CONSTRAINT "expected_result_departments_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "expected_results"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "expected_result_departments" ADD CONSTRAINT "expected_result_departments_department_id_fkey" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_result_id_fkey" FOREIGN KEY ("result_id") REFERENCES "expected_results"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_responsible_department_id_fkey" FOREIGN KEY ("responsible_department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_initiatives" ADD CONSTRAINT "indicator_initiatives_indicator_id_fkey" FOREIGN KEY ("indicator_id") REFERENCES "indicators"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_initiatives" ADD CONSTRAINT "indicator_initiatives_initiative_id_fkey" FOREIGN KEY ("initiative_id") REFERENCES "initiatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_unit_fkey" FOREIGN KEY ("indicator_id", "unit") REFERENCES "indicators"("id", "unit") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_indicator_id_unit_fkey" FOREIGN KEY ("indicator_id", "unit") REFERENCES "indicators"("id", "unit") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "indicator_actuals"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_reviewed_by_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------------------------
-- Hand-written (issue 18, results framework): what Prisma's schema cannot say.
-- ---------------------------------------------------------------------------------------------------------------

-- Codes, titles in at least one language, levels of text the forms also bound.
ALTER TABLE "expected_results"
  ADD CONSTRAINT "expected_results_code_check" CHECK ("code" ~ '^[A-Z][A-Z0-9-]{1,19}$'),
  ADD CONSTRAINT "expected_results_title_check" CHECK (btrim("title_en") <> '' OR btrim("title_fr") <> ''),
  ADD CONSTRAINT "expected_results_description_length_check" CHECK (char_length("description_en") <= 4000 AND char_length("description_fr") <= 4000),
  ADD CONSTRAINT "expected_results_version_check" CHECK ("version" >= 1);

ALTER TABLE "indicators"
  ADD CONSTRAINT "indicators_code_check" CHECK ("code" ~ '^[A-Z][A-Z0-9-]{1,19}$'),
  ADD CONSTRAINT "indicators_name_check" CHECK (btrim("name_en") <> '' OR btrim("name_fr") <> ''),
  ADD CONSTRAINT "indicators_methodology_length_check" CHECK (char_length("methodology_en") <= 4000 AND char_length("methodology_fr") <= 4000),
  -- A narrative indicator has no numeric baseline; percentages stay within 0–100, dollars are not negative.
  ADD CONSTRAINT "indicators_baseline_check" CHECK (
    "baseline_value" IS NULL
    OR ("unit" = 'NUMBER')
    OR ("unit" = 'PERCENT' AND "baseline_value" BETWEEN 0 AND 100)
    OR ("unit" = 'DOLLARS' AND "baseline_value" >= 0)),
  ADD CONSTRAINT "indicators_version_check" CHECK ("version" >= 1);

-- Targets: the type decides which values are present (EXACT: min = max; AT_LEAST: min; AT_MOST: max; RANGE: both,
-- min ≤ max; NARRATIVE: a text and no value). A narrative target goes with a narrative indicator and only there.
ALTER TABLE "indicator_targets"
  ADD CONSTRAINT "indicator_targets_shape_check" CHECK (
    CASE "target_type"
      WHEN 'EXACT' THEN "min_value" IS NOT NULL AND "max_value" = "min_value"
      WHEN 'AT_LEAST' THEN "min_value" IS NOT NULL AND "max_value" IS NULL
      WHEN 'AT_MOST' THEN "max_value" IS NOT NULL AND "min_value" IS NULL
      WHEN 'RANGE' THEN "min_value" IS NOT NULL AND "max_value" IS NOT NULL AND "min_value" <= "max_value"
      WHEN 'NARRATIVE' THEN "min_value" IS NULL AND "max_value" IS NULL
        AND (btrim(coalesce("narrative_en", '')) <> '' OR btrim(coalesce("narrative_fr", '')) <> '')
    END),
  ADD CONSTRAINT "indicator_targets_unit_check" CHECK (("target_type" = 'NARRATIVE') = ("unit" = 'NARRATIVE')),
  ADD CONSTRAINT "indicator_targets_values_check" CHECK (
    ("unit" <> 'PERCENT' OR (coalesce("min_value", 0) BETWEEN 0 AND 100 AND coalesce("max_value", 0) BETWEEN 0 AND 100))
    AND ("unit" <> 'DOLLARS' OR (coalesce("min_value", 0) >= 0 AND coalesce("max_value", 0) >= 0))),
  ADD CONSTRAINT "indicator_targets_fiscal_year_check" CHECK ("fiscal_year" BETWEEN 1990 AND 2100),
  ADD CONSTRAINT "indicator_targets_achieve_by_check" CHECK ("achieve_by_month" BETWEEN 1 AND 12 AND "achieve_by_year" BETWEEN 1990 AND 2101),
  ADD CONSTRAINT "indicator_targets_version_check" CHECK ("version" >= 1);

-- One current target per indicator and fiscal year.
CREATE UNIQUE INDEX "indicator_targets_one_per_year" ON "indicator_targets" ("indicator_id", "fiscal_year") WHERE "archived_at" IS NULL;

-- Actuals: a figure for a numeric indicator, a narrative for a narrative one; the same limits as targets; the
-- explanation at most 1,000 characters; a correction names what it corrects and why.
ALTER TABLE "indicator_actuals"
  ADD CONSTRAINT "indicator_actuals_shape_check" CHECK (
    CASE WHEN "unit" = 'NARRATIVE'
      THEN "value" IS NULL AND (btrim(coalesce("narrative_en", '')) <> '' OR btrim(coalesce("narrative_fr", '')) <> '')
      ELSE "value" IS NOT NULL
    END),
  ADD CONSTRAINT "indicator_actuals_values_check" CHECK (
    ("unit" <> 'PERCENT' OR "value" BETWEEN 0 AND 100) AND ("unit" <> 'DOLLARS' OR "value" >= 0)),
  ADD CONSTRAINT "indicator_actuals_quarter_check" CHECK ("quarter" IS NULL OR "quarter" BETWEEN 1 AND 4),
  ADD CONSTRAINT "indicator_actuals_fiscal_year_check" CHECK ("fiscal_year" BETWEEN 1990 AND 2100),
  ADD CONSTRAINT "indicator_actuals_correction_check" CHECK (("corrects_id" IS NULL) = ("correction_reason" IS NULL)),
  ADD CONSTRAINT "indicator_actuals_correction_reason_check" CHECK ("correction_reason" IS NULL OR btrim("correction_reason") <> ''),
  ADD CONSTRAINT "indicator_actuals_corrects_other_check" CHECK ("corrects_id" IS NULL OR "corrects_id" <> "id");

ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_review_check" CHECK (("reviewed_at" IS NULL) = ("reviewed_by_id" IS NULL));

-- Actuals are append-only, like the audit log: never deleted, and once written only the coordinator's review
-- stamp may be set. A correction is a new row (corrects_id, correction_reason).
CREATE FUNCTION "indicator_actuals_refuse_change"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'indicator_actuals is append-only: DELETE is not allowed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (to_jsonb(NEW) - 'reviewed_at' - 'reviewed_by_id') IS DISTINCT FROM (to_jsonb(OLD) - 'reviewed_at' - 'reviewed_by_id') THEN
    RAISE EXCEPTION 'indicator_actuals is append-only: only the review stamp may be set (actual %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "indicator_actuals_append_only"
  BEFORE UPDATE OR DELETE ON "indicator_actuals"
  FOR EACH ROW EXECUTE FUNCTION "indicator_actuals_refuse_change"();
