CREATE TABLE "checkouts" (
	"session_id" text PRIMARY KEY NOT NULL,
	"owner_tag" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"cursor" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "leases" (
	"key" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "rate_limits_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "product_id" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "amount_subtotal" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "amount_discount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "amount_tax" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "mode" text DEFAULT 'payment' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "amount_subtotal" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_method" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_rate" jsonb;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "payment_intent_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "recorded_by" text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "checkouts_one_open_per_owner" ON "checkouts" USING btree ("owner_tag","kind") WHERE "checkouts"."status" = 'open';--> statement-breakpoint
CREATE INDEX "checkouts_status_expires_at_idx" ON "checkouts" USING btree ("status","expires_at");--> statement-breakpoint
-- Lines recorded before this migration kept their subtotal in amount_total (the receipt listed it before discount and tax).
UPDATE "order_lines" SET "amount_subtotal" = "amount_total";
