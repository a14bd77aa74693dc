import { MigrationInterface, QueryRunner } from "typeorm";

export class VisitsAndVigilOffers1795394808261 implements MigrationInterface {
    name = 'VisitsAndVigilOffers1795394808261'

    public async up(queryRunner: QueryRunner): Promise<void> {
        // The visit overlap constraint compares volunteer ids (=) in a GiST index.
        await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_event_pending"`);
        await queryRunner.query(`CREATE TABLE "visit" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "match_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "client_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'planned', "note" text, "reason" text, "planned_by_user_id" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_visit_times" CHECK ((ends_at > starts_at)), CONSTRAINT "chk_visit_status" CHECK ((status = ANY (ARRAY['planned'::text, 'confirmed'::text, 'declined'::text, 'done'::text, 'cancelled'::text, 'missed'::text]))), CONSTRAINT "xcl_visit_volunteer_overlap" EXCLUDE USING gist (volunteer_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE ((status = ANY (ARRAY['planned'::text, 'confirmed'::text, 'done'::text]))), CONSTRAINT "PK_c9919ef5a07627657c535d8eb88" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3cb6baedc31636c8618934de1f" ON "visit" ("volunteer_id", "starts_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_04ebcc220c231f351c2c3100ed" ON "visit" ("match_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "vigil_offer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "request_id" uuid NOT NULL, "client_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "wave" integer NOT NULL, "status" text NOT NULL DEFAULT 'sent', "score" double precision NOT NULL, "breakdown" jsonb NOT NULL DEFAULT '[]', "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_at" TIMESTAMP WITH TIME ZONE, "decline_reason" text, "match_id" uuid, CONSTRAINT "chk_vigil_offer_status" CHECK ((status = ANY (ARRAY['sent'::text, 'accepted'::text, 'declined'::text, 'expired'::text, 'withdrawn'::text]))), CONSTRAINT "PK_b97571d61139fdbf4d514976165" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_5b5b0574498c3398a5ba934b26" ON "vigil_offer" ("request_id", "wave") `);
        await queryRunner.query(`CREATE INDEX "IDX_667150e0b36e016df1f06c0ad7" ON "vigil_offer" ("volunteer_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_vigil_offer_accepted" ON "vigil_offer" ("request_id") WHERE (status = 'accepted'::text)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_vigil_offer_volunteer" ON "vigil_offer" ("request_id", "volunteer_id") `);
        await queryRunner.query(`CREATE TABLE "vigil_alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "request_id" uuid NOT NULL, "client_id" uuid NOT NULL, "raised_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "offers_sent" integer NOT NULL, "offers_declined" integer NOT NULL, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_user_id" uuid, CONSTRAINT "PK_cb543aa5a0856e0cf6cfec39e32" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_63ea3a35fca3d5f6680290fd89" ON "vigil_alert" ("organisation_id", "raised_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_vigil_alert_request" ON "vigil_alert" ("request_id") `);
        await queryRunner.query(`CREATE TABLE "calendar_feed" ("volunteer_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "token_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8422f66384b8871d5099a9cc9b6" PRIMARY KEY ("volunteer_id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_calendar_feed_token_hash" ON "calendar_feed" ("token_hash") `);
        await queryRunner.query(`ALTER TABLE "match" ADD "responded_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "match" ADD "decline_reason" text`);
        await queryRunner.query(`ALTER TABLE "match" ADD "note" text`);
        await queryRunner.query(`ALTER TABLE "match" ADD "ended_by_user_id" uuid`);
        await queryRunner.query(`ALTER TABLE "outbox_event" ADD "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
        await queryRunner.query(`ALTER TABLE "outbox_event" ADD "dedupe_key" text`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_match_active_request" ON "match" ("request_id") WHERE (status = 'active'::text)`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_outbox_event_dedupe_key" ON "outbox_event" ("dedupe_key") WHERE (dedupe_key IS NOT NULL)`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("available_at") WHERE (processed_at IS NULL)`);
        await queryRunner.query(`ALTER TABLE "visit" ADD CONSTRAINT "FK_8b51906222a44de49ba910479cb" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "visit" ADD CONSTRAINT "FK_a8d97a462875d27cef02cd0b469" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vigil_offer" ADD CONSTRAINT "FK_c7f37ee9c613c61afd38e18eee8" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vigil_offer" ADD CONSTRAINT "FK_68d559c8732c5ce142db80b236f" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "vigil_alert" ADD CONSTRAINT "FK_391088361112f1e35b63f94c03e" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_8422f66384b8871d5099a9cc9b6" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_8422f66384b8871d5099a9cc9b6"`);
        await queryRunner.query(`ALTER TABLE "vigil_alert" DROP CONSTRAINT "FK_391088361112f1e35b63f94c03e"`);
        await queryRunner.query(`ALTER TABLE "vigil_offer" DROP CONSTRAINT "FK_68d559c8732c5ce142db80b236f"`);
        await queryRunner.query(`ALTER TABLE "vigil_offer" DROP CONSTRAINT "FK_c7f37ee9c613c61afd38e18eee8"`);
        await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "FK_a8d97a462875d27cef02cd0b469"`);
        await queryRunner.query(`ALTER TABLE "visit" DROP CONSTRAINT "FK_8b51906222a44de49ba910479cb"`);
        await queryRunner.query(`DROP INDEX "public"."idx_outbox_event_pending"`);
        await queryRunner.query(`DROP INDEX "public"."uq_outbox_event_dedupe_key"`);
        await queryRunner.query(`DROP INDEX "public"."uq_match_active_request"`);
        await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "dedupe_key"`);
        await queryRunner.query(`ALTER TABLE "outbox_event" DROP COLUMN "available_at"`);
        await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "ended_by_user_id"`);
        await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "note"`);
        await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "decline_reason"`);
        await queryRunner.query(`ALTER TABLE "match" DROP COLUMN "responded_at"`);
        await queryRunner.query(`DROP INDEX "public"."uq_calendar_feed_token_hash"`);
        await queryRunner.query(`DROP TABLE "calendar_feed"`);
        await queryRunner.query(`DROP INDEX "public"."uq_vigil_alert_request"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_63ea3a35fca3d5f6680290fd89"`);
        await queryRunner.query(`DROP TABLE "vigil_alert"`);
        await queryRunner.query(`DROP INDEX "public"."uq_vigil_offer_volunteer"`);
        await queryRunner.query(`DROP INDEX "public"."uq_vigil_offer_accepted"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_667150e0b36e016df1f06c0ad7"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_5b5b0574498c3398a5ba934b26"`);
        await queryRunner.query(`DROP TABLE "vigil_offer"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_04ebcc220c231f351c2c3100ed"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3cb6baedc31636c8618934de1f"`);
        await queryRunner.query(`DROP TABLE "visit"`);
        await queryRunner.query(`CREATE INDEX "idx_outbox_event_pending" ON "outbox_event" ("created_at") WHERE (processed_at IS NULL)`);
    }

}
