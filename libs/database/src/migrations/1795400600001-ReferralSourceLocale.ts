import { MigrationInterface, QueryRunner } from "typeorm";

export class ReferralSourceLocale1795400600001 implements MigrationInterface {
    name = 'ReferralSourceLocale1795400600001'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral_source" ADD "locale" text NOT NULL DEFAULT 'nl'`);
        await queryRunner.query(`ALTER TABLE "referral_source" ADD CONSTRAINT "chk_referral_source_locale" CHECK (locale IN ('nl', 'en'))`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "referral_source" DROP CONSTRAINT "chk_referral_source_locale"`);
        await queryRunner.query(`ALTER TABLE "referral_source" DROP COLUMN "locale"`);
    }
}
