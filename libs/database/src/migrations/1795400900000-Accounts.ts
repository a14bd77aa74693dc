import { MigrationInterface, QueryRunner } from "typeorm";

export class Accounts1795400900000 implements MigrationInterface {
    name = 'Accounts1795400900000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b7f1e23329e93a80e25fd281922" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_recovery_code_user_hash" ON "recovery_code" ("user_id", "code_hash") `);
        await queryRunner.query(`CREATE TABLE "password_reset_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcf4b02eae1403a2edaf87fd074" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "token_hash" text NOT NULL, "outbox_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "chk_account_token_purpose" CHECK (purpose IN ('invitation', 'password_reset')), CONSTRAINT "PK_a55842d3341d42534e39f85e931" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_token_hash" ON "account_token" ("token_hash") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "uq_account_token_job" ON "account_token" ("outbox_id", "user_id") `);
        await queryRunner.query(`CREATE INDEX "idx_account_token_user" ON "account_token" ("user_id", "purpose") `);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_secret" text`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_enabled_at" TIMESTAMP WITH TIME ZONE`);
        await queryRunner.query(`ALTER TABLE "app_user" ADD "totp_last_step" bigint`);
        await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "password_hash" DROP NOT NULL`);
        await queryRunner.query(`ALTER TABLE "recovery_code" ADD CONSTRAINT "FK_f5c95d9ca2047afa670093e2028" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "account_token" ADD CONSTRAINT "FK_ab3c66669facfe429164e60ab82" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_ab3c66669facfe429164e60ab82"`);
        await queryRunner.query(`ALTER TABLE "recovery_code" DROP CONSTRAINT "FK_f5c95d9ca2047afa670093e2028"`);
        await queryRunner.query(`ALTER TABLE "app_user" ALTER COLUMN "password_hash" SET NOT NULL`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_last_step"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_enabled_at"`);
        await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "totp_secret"`);
        await queryRunner.query(`DROP INDEX "public"."idx_account_token_user"`);
        await queryRunner.query(`DROP INDEX "public"."uq_account_token_job"`);
        await queryRunner.query(`DROP INDEX "public"."uq_account_token_hash"`);
        await queryRunner.query(`DROP TABLE "account_token"`);
        await queryRunner.query(`DROP TABLE "password_reset_request"`);
        await queryRunner.query(`DROP INDEX "public"."uq_recovery_code_user_hash"`);
        await queryRunner.query(`DROP TABLE "recovery_code"`);
    }

}
