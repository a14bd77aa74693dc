import { MigrationInterface, QueryRunner } from "typeorm";

export class FollowUpsAndFeedback1795397344647 implements MigrationInterface {
    name = 'FollowUpsAndFeedback1795397344647'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "match_id" uuid NOT NULL, "request_id" uuid NOT NULL, "client_id" uuid NOT NULL, "coordinator_id" uuid, "kind" text NOT NULL, "sequence" integer NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'open', "outcome" text, "notes" text, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by_user_id" uuid, "reminded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_follow_up_status" CHECK ((status = ANY (ARRAY['open'::text, 'done'::text, 'cancelled'::text]))), CONSTRAINT "chk_follow_up_kind" CHECK ((kind = ANY (ARRAY['first_contact'::text, 'evaluation'::text, 'duration_review'::text, 'custom'::text]))), CONSTRAINT "PK_5c0a5f5b32937e47e0ab09d596c" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ed34a5ddf7703104c5291c3bc4" ON "follow_up" ("organisation_id", "status", "due_at") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_follow_up_plan_step" ON "follow_up" ("match_id", "kind", "sequence") `);
        await queryRunner.query(`CREATE TABLE "feedback_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "request_id" uuid NOT NULL, "event" text NOT NULL, "period" text NOT NULL DEFAULT '', "channel" text NOT NULL, "recipient" text NOT NULL, "subject" text NOT NULL, "content" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL DEFAULT '8', "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_feedback_message_status" CHECK ((status = ANY (ARRAY['pending'::text, 'delivered'::text, 'failed'::text]))), CONSTRAINT "chk_feedback_message_event" CHECK ((event = ANY (ARRAY['received'::text, 'matched'::text, 'first_visit'::text, 'progress'::text, 'ended'::text, 'no_match'::text, 'gp_notice'::text]))), CONSTRAINT "PK_f05013bed3b4e032e80c6e8d8e4" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_938b06630c37fc4e5d01c39ce2" ON "feedback_message" ("organisation_id", "status") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_feedback_message_event" ON "feedback_message" ("request_id", "event", "period") `);
        await queryRunner.query(`ALTER TABLE "programme" ADD "progress_feedback_months" integer DEFAULT '1'`);
        await queryRunner.query(`ALTER TABLE "programme" ADD "no_match_feedback_days" integer NOT NULL DEFAULT '14'`);
        // Existing vigil programmes get the vigil defaults: no monthly progress, unmatched is news within a day.
        await queryRunner.query(`UPDATE "programme" SET "progress_feedback_months" = NULL, "no_match_feedback_days" = 1 WHERE "kind" = 'vigil'`);
        await queryRunner.query(`ALTER TABLE "follow_up" ADD CONSTRAINT "FK_c5c177e5b3ae4851fab7d205d6a" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "feedback_message" ADD CONSTRAINT "FK_94af134e1da24f06b9a93911298" FOREIGN KEY ("request_id") REFERENCES "request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "feedback_message" DROP CONSTRAINT "FK_94af134e1da24f06b9a93911298"`);
        await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "FK_c5c177e5b3ae4851fab7d205d6a"`);
        await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "no_match_feedback_days"`);
        await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "progress_feedback_months"`);
        await queryRunner.query(`DROP INDEX "public"."uq_feedback_message_event"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_938b06630c37fc4e5d01c39ce2"`);
        await queryRunner.query(`DROP TABLE "feedback_message"`);
        await queryRunner.query(`DROP INDEX "public"."uq_follow_up_plan_step"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ed34a5ddf7703104c5291c3bc4"`);
        await queryRunner.query(`DROP TABLE "follow_up"`);
    }

}
