import { MigrationInterface, QueryRunner } from "typeorm";

export class NotificationDelivery1795400700000 implements MigrationInterface {
    name = 'NotificationDelivery1795400700000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "notification" ADD "urgent" boolean NOT NULL DEFAULT false`);
        await queryRunner.query(`ALTER TABLE "notification" ADD "params" jsonb NOT NULL DEFAULT '{}'`);
        await queryRunner.query(`ALTER TABLE "notification" ADD "path" text`);
        await queryRunner.query(`ALTER TABLE "notification" ADD "read_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`CREATE INDEX "idx_notification_inbox" ON "notification" ("user_id", "read_at", "created_at") `);
        await queryRunner.query(`CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "notification_id" uuid NOT NULL, "channel" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "digest" boolean NOT NULL DEFAULT false, "held_until" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "max_attempts" integer NOT NULL DEFAULT '8', "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_notification_delivery_status" CHECK ((status = ANY (ARRAY['pending'::text, 'sent'::text, 'failed'::text, 'held'::text, 'skipped'::text]))), CONSTRAINT "chk_notification_delivery_channel" CHECK ((channel = ANY (ARRAY['email'::text, 'push'::text, 'sms'::text]))), CONSTRAINT "PK_notification_delivery" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_delivery_channel" ON "notification_delivery" ("notification_id", "channel") `);
        await queryRunner.query(`CREATE INDEX "idx_notification_delivery_digest" ON "notification_delivery" ("held_until") WHERE (digest AND status = 'held')`);
        await queryRunner.query(`ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_notification_delivery_notification" FOREIGN KEY ("notification_id") REFERENCES "notification"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kinds" jsonb NOT NULL DEFAULT '[]', "quiet_start" text, "quiet_end" text, "digest_at" text NOT NULL DEFAULT '08:00', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_notification_preference" PRIMARY KEY ("user_id"))`);
        await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_notification_preference_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "notification_preference" ADD CONSTRAINT "FK_notification_preference_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`DROP TABLE "notification_preference"`);
        await queryRunner.query(`DROP TABLE "notification_delivery"`);
        await queryRunner.query(`DROP INDEX "public"."idx_notification_inbox"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "read_at"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "path"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "params"`);
        await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "urgent"`);
    }
}
