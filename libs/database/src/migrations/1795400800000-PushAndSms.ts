import { MigrationInterface, QueryRunner } from "typeorm";

export class PushAndSms1795400800000 implements MigrationInterface {
    name = 'PushAndSms1795400800000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "push_subscription" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "endpoint" text NOT NULL, "p256dh" text NOT NULL, "auth" text NOT NULL, "user_agent" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fc861c0d2c38c1b830fb9cb5d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_ae9b58d71ea5fff546507fae20" ON "push_subscription" ("user_id") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_push_subscription_endpoint" ON "push_subscription" ("endpoint") `);
        await queryRunner.query(`CREATE TABLE "vapid_key" ("id" smallint NOT NULL DEFAULT '1', "public_key" text NOT NULL, "private_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_vapid_key_single" CHECK (id = 1), CONSTRAINT "PK_383065a8056b613272c609e2277" PRIMARY KEY ("id"))`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "phone" text`);
        await queryRunner.query(`ALTER TABLE "push_subscription" ADD CONSTRAINT "FK_ae9b58d71ea5fff546507fae207" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "push_subscription" ADD CONSTRAINT "FK_c6fc8a86ddefaf335d4786a2979" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "push_subscription" DROP CONSTRAINT "FK_c6fc8a86ddefaf335d4786a2979"`);
        await queryRunner.query(`ALTER TABLE "push_subscription" DROP CONSTRAINT "FK_ae9b58d71ea5fff546507fae207"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "phone"`);
        await queryRunner.query(`DROP TABLE "vapid_key"`);
        await queryRunner.query(`DROP INDEX "public"."uq_push_subscription_endpoint"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_ae9b58d71ea5fff546507fae20"`);
        await queryRunner.query(`DROP TABLE "push_subscription"`);
    }

}
