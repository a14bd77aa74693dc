import { MigrationInterface, QueryRunner } from "typeorm";

export class FeedbackGaps1795400500000 implements MigrationInterface {
    name = 'FeedbackGaps1795400500000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "request_info_exchange" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "request_id" uuid NOT NULL, "round" integer NOT NULL, "question" text NOT NULL, "asked_by_user_id" uuid, "asked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answer" text, "answered_by_user_id" uuid, "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "chk_request_info_exchange_answered" CHECK (((answer IS NULL) OR (answered_at IS NOT NULL))), CONSTRAINT "PK_a1dbabac25885590b72453ba431" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_c77079587d666dfd138853e449" ON "request_info_exchange" ("organisation_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_request_info_exchange_round" ON "request_info_exchange" ("request_id", "round") `);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" ADD CONSTRAINT "FK_c77079587d666dfd138853e4491" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" ADD CONSTRAINT "FK_136ea2f92bb0660b7dd47d80322" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" ADD CONSTRAINT "FK_8c558250e656319217a67d8a05c" FOREIGN KEY ("asked_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" ADD CONSTRAINT "FK_7504b42ee910a29622b6f05a71e" FOREIGN KEY ("answered_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        // A request waiting for information already has its question: the reason it was given.
        await queryRunner.query(`INSERT INTO "request_info_exchange" ("organisation_id", "request_id", "round", "question", "asked_at") SELECT "organisation_id", "id", 1, coalesce("status_reason", ''), "updated_at" FROM "request" WHERE "status" = 'needs_info'`);
        // TypeORM does not see a changed CHECK expression; written by hand.
        await queryRunner.query(`ALTER TABLE "feedback_message" DROP CONSTRAINT "chk_feedback_message_event"`);
        await queryRunner.query(`ALTER TABLE "feedback_message" ADD CONSTRAINT "chk_feedback_message_event" CHECK ((event = ANY (ARRAY['received'::text, 'needs_info'::text, 'rejected'::text, 'cancelled'::text, 'matched'::text, 'first_visit'::text, 'progress'::text, 'ended'::text, 'no_match'::text, 'gp_notice'::text])))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DELETE FROM "feedback_message" WHERE "event" IN ('needs_info', 'rejected', 'cancelled')`);
        await queryRunner.query(`ALTER TABLE "feedback_message" DROP CONSTRAINT "chk_feedback_message_event"`);
        await queryRunner.query(`ALTER TABLE "feedback_message" ADD CONSTRAINT "chk_feedback_message_event" CHECK ((event = ANY (ARRAY['received'::text, 'matched'::text, 'first_visit'::text, 'progress'::text, 'ended'::text, 'no_match'::text, 'gp_notice'::text])))`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" DROP CONSTRAINT "FK_7504b42ee910a29622b6f05a71e"`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" DROP CONSTRAINT "FK_8c558250e656319217a67d8a05c"`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" DROP CONSTRAINT "FK_136ea2f92bb0660b7dd47d80322"`);
        await queryRunner.query(`ALTER TABLE "request_info_exchange" DROP CONSTRAINT "FK_c77079587d666dfd138853e4491"`);
        await queryRunner.query(`DROP INDEX "public"."uq_request_info_exchange_round"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_c77079587d666dfd138853e449"`);
        await queryRunner.query(`DROP TABLE "request_info_exchange"`);
    }

}
