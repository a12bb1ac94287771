-- CreateEnum
CREATE TYPE "BatchState" AS ENUM ('RECEIVING', 'ONLINE');

-- CreateEnum
CREATE TYPE "IssuerKind" AS ENUM ('MOHRSS_SEAL', 'ASSOCIATION');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('VALID', 'REVOKED');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('OPEN', 'RESOLVED');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "issuance_batches" (
    "id" UUID NOT NULL,
    "qualification" TEXT NOT NULL,
    "exam_year" INTEGER NOT NULL,
    "state" "BatchState" NOT NULL,
    "online_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "issuance_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "holders" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "id_hash" TEXT NOT NULL,
    "id_last4" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "holders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "certificates" (
    "id" UUID NOT NULL,
    "holder_id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "number" TEXT,
    "issuer_kind" "IssuerKind",
    "issuer_name" TEXT,
    "issued_on" DATE,
    "status" "CertificateStatus" NOT NULL DEFAULT 'VALID',
    "revoked_at" TIMESTAMPTZ(3),
    "revocation_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "certificates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annotations" (
    "id" UUID NOT NULL,
    "certificate_id" UUID NOT NULL,
    "scenario" TEXT NOT NULL,
    "validity_days" INTEGER NOT NULL,
    "applied_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "generate_not_before" TIMESTAMPTZ(3) NOT NULL,
    "ready_at" TIMESTAMPTZ(3),
    "request_key" TEXT,

    CONSTRAINT "annotations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "download_grants" (
    "id" UUID NOT NULL,
    "certificate_id" UUID NOT NULL,
    "annotation_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "downloads" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "download_grants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "channel_identities" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "holder_id" UUID NOT NULL,
    "verified_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "channel_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification_attempts" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "verification_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversations" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-Hans',
    "batch_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notified_at" TIMESTAMPTZ(3),

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "handoff_tickets" (
    "id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'OPEN',
    "reason" TEXT NOT NULL,
    "transcript" JSONB NOT NULL,
    "slack_channel" TEXT,
    "slack_thread_ts" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolved_at" TIMESTAMPTZ(3),

    CONSTRAINT "handoff_tickets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "holder_id" UUID,
    "certificate_id" UUID,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domain_events" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "domain_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "dedupe_key" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "available_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processed_deliveries" (
    "source" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_deliveries_pkey" PRIMARY KEY ("source","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "issuance_batches_qualification_exam_year_key" ON "issuance_batches"("qualification", "exam_year");

-- CreateIndex
CREATE UNIQUE INDEX "holders_id_hash_key" ON "holders"("id_hash");

-- CreateIndex
CREATE UNIQUE INDEX "certificates_number_key" ON "certificates"("number");

-- CreateIndex
CREATE INDEX "certificates_holder_id_idx" ON "certificates"("holder_id");

-- CreateIndex
CREATE INDEX "certificates_batch_id_idx" ON "certificates"("batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "annotations_request_key_key" ON "annotations"("request_key");

-- CreateIndex
CREATE INDEX "annotations_certificate_id_applied_at_idx" ON "annotations"("certificate_id", "applied_at");

-- CreateIndex
CREATE INDEX "annotations_ready_at_generate_not_before_idx" ON "annotations"("ready_at", "generate_not_before");

-- CreateIndex
CREATE INDEX "download_grants_certificate_id_idx" ON "download_grants"("certificate_id");

-- CreateIndex
CREATE UNIQUE INDEX "channel_identities_channel_chat_id_key" ON "channel_identities"("channel", "chat_id");

-- CreateIndex
CREATE INDEX "verification_attempts_channel_chat_id_created_at_idx" ON "verification_attempts"("channel", "chat_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "conversations_channel_chat_id_key" ON "conversations"("channel", "chat_id");

-- CreateIndex
CREATE INDEX "subscriptions_batch_id_notified_at_idx" ON "subscriptions"("batch_id", "notified_at");

-- CreateIndex
CREATE UNIQUE INDEX "subscriptions_channel_chat_id_batch_id_key" ON "subscriptions"("channel", "chat_id", "batch_id");

-- CreateIndex
CREATE UNIQUE INDEX "handoff_tickets_slack_thread_ts_key" ON "handoff_tickets"("slack_thread_ts");

-- CreateIndex
CREATE INDEX "handoff_tickets_channel_chat_id_status_idx" ON "handoff_tickets"("channel", "chat_id", "status");

-- CreateIndex
CREATE INDEX "audit_log_holder_id_at_idx" ON "audit_log"("holder_id", "at");

-- CreateIndex
CREATE INDEX "domain_events_processed_at_id_idx" ON "domain_events"("processed_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_messages_status_available_at_idx" ON "outbox_messages"("status", "available_at");

-- CreateIndex
CREATE INDEX "outbox_messages_channel_chat_id_id_idx" ON "outbox_messages"("channel", "chat_id", "id");

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "holders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "issuance_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annotations" ADD CONSTRAINT "annotations_certificate_id_fkey" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_certificate_id_fkey" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "download_grants" ADD CONSTRAINT "download_grants_annotation_id_fkey" FOREIGN KEY ("annotation_id") REFERENCES "annotations"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "channel_identities" ADD CONSTRAINT "channel_identities_holder_id_fkey" FOREIGN KEY ("holder_id") REFERENCES "holders"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "issuance_batches"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
